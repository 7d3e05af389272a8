// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "optrender",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "optrender", targets: ["optrender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // C libraries, through the system's -dev packages (see `make setup`).
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        .systemLibrary(
            name: "CGIF",
            providers: [.apt(["libgif-dev"]), .brew(["giflib"])]),
        .systemLibrary(
            name: "CFreeType", pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev", "libfontconfig1-dev"]), .brew(["freetype", "fontconfig"])]),
        .systemLibrary(
            name: "CWebP", pkgConfig: "libwebpmux",
            providers: [.apt(["libwebp-dev"]), .brew(["webp"])]),
        // FFmpeg's headers only, from the default include path (Debian's
        // libavformat-dev …): the MP4 code dlopens the libraries on first use
        // (Sources/CFFmpeg/shim.h), so no pkg-config, whose -lavformat … would
        // load them into every process.
        .systemLibrary(name: "CFFmpeg"),
        // cairo's PDF, SVG and FreeType backends come with the one package.
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo-ft",
            providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),

        .target(name: "Optimization"),
        .target(name: "Raster", dependencies: ["CFreeType"]),
        .target(name: "Plot", dependencies: ["Raster"]),
        .target(name: "Vector", dependencies: ["CCairo", "Raster"]),
        .target(name: "Encode", dependencies: ["CPNG", "CGIF", "CWebP", "CFFmpeg", "Raster", "Vector"]),
        .target(
            name: "Gallery",
            dependencies: ["Plot", "Optimization", "Raster", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Catalog")]),
        .executableTarget(
            name: "optrender",
            dependencies: [
                "Gallery", "Plot", "Raster", "Encode", "Optimization",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "OptimizationTests", dependencies: ["Optimization"]),
        .testTarget(name: "RasterTests", dependencies: ["Raster"]),
        .testTarget(name: "EncodeTests", dependencies: ["Encode", "Raster", "CPNG", "CGIF", "CWebP", "CFFmpeg"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "Raster", "Optimization", "Encode"],
                    resources: [.copy("Golden")]),
        .testTarget(name: "GalleryTests", dependencies: ["Gallery", "Plot", "Encode", "Raster", "Optimization"]),
        .testTarget(name: "VectorTests", dependencies: ["Vector", "Encode", "Plot", "Gallery", "Raster"]),
        .testTarget(name: "optrenderTests", dependencies: ["optrender", "Encode", "Raster"]),
    ]
)
