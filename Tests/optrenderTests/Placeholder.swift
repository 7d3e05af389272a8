import Testing
@Test func placeholderoptrender() {}
