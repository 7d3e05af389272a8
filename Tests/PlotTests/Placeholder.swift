import Testing
@Test func placeholderPlot() {}
