import Testing
@Test func placeholderEncode() {}
