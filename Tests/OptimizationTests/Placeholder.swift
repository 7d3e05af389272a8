import Testing
@Test func placeholderOptimization() {}
