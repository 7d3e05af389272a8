import Testing
@testable import Optimization

@Test func parsesPlaceholder() throws {
    _ = try ExpressionParser.parse("x")
}
