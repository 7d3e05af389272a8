/// Room in pixels that an axes' decorations (tick labels, axis labels, title,
/// colorbar) take outside its plot area, on each side.
public struct Margins: Sendable, Hashable {
    public var left: Double = 0
    public var right: Double = 0
    public var top: Double = 0
    public var bottom: Double = 0

    public init(left: Double = 0, right: Double = 0, top: Double = 0, bottom: Double = 0) {
        (self.left, self.right, self.top, self.bottom) = (left, right, top, bottom)
    }
}
