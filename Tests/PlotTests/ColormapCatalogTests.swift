import Testing
import Raster
@testable import Plot

/// Every built-in map against matplotlib 3.11.2: `colormaps[name](x)[:3]` printed
/// with 9 significant digits for x = 0.0, 0.25, 0.5, 0.73, 1.0.
struct ColormapCatalogTests {
    typealias Sample = (x: Double, r: Double, g: Double, b: Double)

    static let expected: [String: [Sample]] = [
        "gnuplot": [(0.0, 0, 0, 0), (0.25, 0.500979433, 0.0158095453, 0.999981027), (0.5, 0.708491908, 0.126476363, 0), (0.73, 0.854056066, 0.388077346, 0), (1.0, 1, 1, 0)],
        "viridis": [(0.0, 0.267004, 0.004874, 0.329415), (0.25, 0.229739, 0.322361, 0.545706), (0.5, 0.127568, 0.566949, 0.550556), (0.73, 0.319809, 0.770914, 0.411152), (1.0, 0.993248, 0.906157, 0.143936)],
        "plasma": [(0.0, 0.050383, 0.029803, 0.527975), (0.25, 0.494877, 0.01199, 0.657865), (0.5, 0.798216, 0.280197, 0.469538), (0.73, 0.963203, 0.553865, 0.271909), (1.0, 0.940015, 0.975158, 0.131326)],
        "inferno": [(0.0, 0.001462, 0.000466, 0.013866), (0.25, 0.3415, 0.062325, 0.429425), (0.5, 0.735683, 0.215906, 0.330245), (0.73, 0.969163, 0.515946, 0.063488), (1.0, 0.988362, 0.998364, 0.644924)],
        "magma": [(0.0, 0.001462, 0.000466, 0.013866), (0.25, 0.316654, 0.07169, 0.48538), (0.5, 0.716387, 0.214982, 0.47529), (0.73, 0.979645, 0.491014, 0.367783), (1.0, 0.987053, 0.991438, 0.749504)],
        "cividis": [(0.0, 0, 0.135112, 0.304751), (0.25, 0.263738, 0.307831, 0.422789), (0.5, 0.488697, 0.485318, 0.471008), (0.73, 0.712105, 0.66116, 0.434117), (1.0, 0.995737, 0.909344, 0.217772)],
        "summer": [(0.0, 0, 0.5, 0.4), (0.25, 0.250980392, 0.625490196, 0.4), (0.5, 0.501960784, 0.750980392, 0.4), (0.73, 0.729411765, 0.864705882, 0.4), (1.0, 1, 1, 0.4)],
        "Reds": [(0.0, 1, 0.960784314, 0.941176471), (0.25, 0.988235294, 0.73207228, 0.629926951), (0.5, 0.983575548, 0.412795079, 0.288350634), (0.73, 0.819331027, 0.116724337, 0.123414072), (1.0, 0.403921569, 0, 0.0509803922)],
        "Blues": [(0.0, 0.968627451, 0.984313725, 1), (0.25, 0.775240292, 0.858300654, 0.936824298), (0.5, 0.417085736, 0.680630527, 0.838231449), (0.73, 0.150726644, 0.464452134, 0.720784314), (1.0, 0.031372549, 0.188235294, 0.419607843)],
        "coolwarm": [(0.0, 0.2298057, 0.298717966, 0.753683153), (0.25, 0.55431187, 0.690097011, 0.995515548), (0.5, 0.867427635, 0.8643766, 0.862602462), (0.73, 0.963806056, 0.634188415, 0.513720849), (1.0, 0.705673158, 0.01555616, 0.150232812)],
        "jet": [(0.0, 0, 0, 0.5), (0.25, 0, 0.503921569, 1), (0.5, 0.490196078, 1, 0.477545857), (0.73, 1, 0.668845316, 0), (1.0, 0.5, 0, 0)],
        "RdBu": [(0.0, 0.403921569, 0, 0.121568627), (0.25, 0.899192618, 0.514417532, 0.407920031), (0.5, 0.965705498, 0.967243368, 0.968089196), (0.73, 0.481430219, 0.714878893, 0.839446367), (1.0, 0.0196078431, 0.188235294, 0.380392157)],
    ]

    static func close(_ c: Color, _ s: Sample, tolerance: Double = 2e-6) -> Bool {
        abs(c.r - s.r) < tolerance && abs(c.g - s.g) < tolerance && abs(c.b - s.b) < tolerance && c.a == 1
    }

    @Test(arguments: ["gnuplot", "viridis", "plasma", "inferno", "magma", "cividis",
                      "summer", "Reds", "Blues", "coolwarm", "jet", "RdBu"])
    func entriesMatchMatplotlib(name: String) throws {
        let map = try #require(Colormap.named(name))
        #expect(map.name == name)
        #expect(map.lut.count == 256)
        for s in try #require(Self.expected[name]) {
            let c = map.color(at: s.x)
            #expect(Self.close(c, s), "\(name)(\(s.x)) = \(c), matplotlib \(s)")
        }
    }

    @Test func everyMapIsRegistered() {
        #expect(Set(Colormap.registry.keys) == Set(Self.expected.keys))
    }

    /// matplotlib: `colormaps['viridis_r'](x)` etc.
    @Test func reversedFormsMatchMatplotlib() throws {
        let reversed: [String: [Sample]] = [
            "viridis_r": [(0.0, 0.993248, 0.906157, 0.143936), (0.25, 0.360741, 0.785964, 0.387814),
                          (0.5, 0.128729, 0.563265, 0.551229), (0.73, 0.220057, 0.343307, 0.549413),
                          (1.0, 0.267004, 0.004874, 0.329415)],
            "jet_r": [(0.0, 0.5, 0, 0), (0.25, 1, 0.596223675, 0), (0.5, 0.477545857, 1, 0.490196078),
                      (0.73, 0, 0.582352941, 1), (1.0, 0, 0, 0.5)],
            "RdBu_r": [(0.0, 0.0196078431, 0.188235294, 0.380392157), (0.25, 0.420684352, 0.676432141, 0.818685121),
                       (0.5, 0.969088812, 0.966474433, 0.964936563), (0.73, 0.922260669, 0.567474048, 0.448673587),
                       (1.0, 0.403921569, 0, 0.121568627)],
            "coolwarm_r": [(0.0, 0.705673158, 0.01555616, 0.150232812), (0.25, 0.958279398, 0.604335097, 0.483297101),
                           (0.5, 0.863391831, 0.865083796, 0.867633884), (0.73, 0.581486148, 0.713450596, 0.998314353),
                           (1.0, 0.2298057, 0.298717966, 0.753683153)],
        ]
        for (name, samples) in reversed {
            let map = try #require(Colormap.named(name))
            #expect(map.name == name)
            for s in samples {
                #expect(Self.close(map.color(at: s.x), s), "\(name)(\(s.x))")
            }
        }
        #expect(Colormap.named("viridis_r")?.reversed == Colormap.viridis)
    }

    @Test func unknownNamesAreNil() {
        #expect(Colormap.named("nope") == nil)
        #expect(Colormap.named("_r") == nil)
        #expect(Colormap.named("Viridis") == nil, "names are case-sensitive, as in matplotlib")
        #expect(Colormap.named("reds") == nil)
        #expect(Colormap.named("viridis_r_r") == nil)
    }

    /// `ListedColormap(['#e4007f', '#f19ec2', '#000000'])(x)`: Int(x · 3) picks the colour.
    @Test func listedMapIndexesLikeMatplotlib() throws {
        let colors = ["#e4007f", "#f19ec2", "#000000"].compactMap { Color(parsing: $0) }
        let map = try #require(Colormap.listed(colors))
        #expect(map.color(at: 0.0) == colors[0])
        #expect(map.color(at: 0.33) == colors[0])
        #expect(map.color(at: 0.34) == colors[1])
        #expect(map.color(at: 0.99) == colors[2])
        #expect(map.color(at: 1.0) == colors[2])
        #expect(abs(map.color(at: 0.34).g - 0.6196078431372549) < 1e-12)
        #expect(Colormap.listed([]) == nil)
    }

    @Test func segmentedRejectsInvalidAnchors() {
        let ok = [Colormap.Anchor(0, 0), Colormap.Anchor(1, 1)]
        #expect(Colormap.segmented(name: "a", red: ok, green: ok, blue: ok) != nil)
        #expect(Colormap.segmented(name: "a", red: [Colormap.Anchor(0, 0)], green: ok, blue: ok) == nil)
        #expect(Colormap.segmented(name: "a", red: [Colormap.Anchor(0.1, 0), Colormap.Anchor(1, 1)],
                                   green: ok, blue: ok) == nil)
        #expect(Colormap.segmented(name: "a", red: [Colormap.Anchor(0, 0), Colormap.Anchor(0.7, 1),
                                                    Colormap.Anchor(0.5, 1), Colormap.Anchor(1, 1)],
                                   green: ok, blue: ok) == nil)
        #expect(Colormap.fromList(name: "a", [.red]) == nil)
    }

    /// A jump (below ≠ above) at x = 0.5 with n = 5: entries at 0, .25, .5, .75, 1.
    @Test func segmentedJumpsLikeMatplotlib() throws {
        // matplotlib: LinearSegmentedColormap('t', {c: [(0,0,0),(0.5,0.2,0.8),(1,1,1)]}, N=5)
        // gives [0, 0.1, 0.2, 0.9, 1] in each channel.
        let a = [Colormap.Anchor(0, 0, 0), Colormap.Anchor(0.5, 0.2, 0.8), Colormap.Anchor(1, 1, 1)]
        let map = try #require(Colormap.segmented(name: "t", n: 5, red: a, green: a, blue: a))
        let reds = map.lut.map(\.r)
        for (v, e) in zip(reds, [0, 0.1, 0.2, 0.9, 1.0]) { #expect(abs(v - e) < 1e-12, "\(reds)") }
    }
}
