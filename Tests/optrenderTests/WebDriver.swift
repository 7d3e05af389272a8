import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal W3C WebDriver client for the browser tests: starts `chromedriver`
/// on a free local port, opens one headless Chromium session, and speaks the
/// protocol's JSON over HTTP/1.1 on 127.0.0.1 (a plain socket: Linux's
/// URLSession fails on chromedriver's replies with "Failed writing header").
/// Every request has a timeout;
/// `close()` (also on deinit) ends the session and the driver process, which
/// ends its browser.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The W3C key for a web element reference in JSON.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    /// The WebDriver codes of special keys (W3C WebDriver, "Keyboard actions").
    static let arrowRight = "\u{E014}", arrowLeft = "\u{E012}", home = "\u{E011}", end = "\u{E010}"

    private let driver: Process
    private let port: Int
    private let profile: URL
    private var session: String?

    /// The first executable of `names` on the usual paths and `PATH`.
    static func executable(_ names: [String]) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for dir in ["/usr/bin", "/usr/lib/chromium", "/usr/local/bin"] + path {
            for name in names where FileManager.default.isExecutableFile(atPath: dir + "/" + name) { return dir + "/" + name }
        }
        return nil
    }

    /// A port nobody listens on now (the kernel's pick for a socket bound to 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket() failed") }
        defer { Glibc.close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw Failure("cannot bind a local port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Starts chromedriver and a headless Chromium session with a `width ×
    /// height` window at device scale factor 1.
    ///
    /// - Throws: `Failure` naming the missing Debian package when chromium or
    ///   chromedriver is not installed, or when either does not start in time.
    init(width: Int, height: Int) throws {
        guard let chromedriver = Self.executable(["chromedriver"]) else {
            throw Failure("chromedriver not found: install the Debian package chromium-driver (`make setup` does)")
        }
        guard let chromium = Self.executable(["chromium", "chromium-browser", "google-chrome"]) else {
            throw Failure("chromium not found: install the Debian package chromium (`make setup` does)")
        }
        let port = try Self.freePort()
        self.port = port
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("optrender-chromium-\(UUID().uuidString)")
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: chromedriver)
        driver.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        do {
            let deadline = Date().addingTimeInterval(15)
            while true {
                var problem = ""
                do {
                    let status = try request("GET", "/status", timeout: 1)
                    if (status["value"] as? [String: Any])?["ready"] as? Bool == true { break }
                } catch { problem = " (\(error))" }
                guard Date() < deadline, driver.isRunning else { throw Failure("chromedriver did not start on port \(port) within 15 s\(problem)") }
                usleep(50_000)
            }
            let args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--force-device-scale-factor=1",
                        "--window-size=\(width),\(height)", "--hide-scrollbars", "--disable-extensions",
                        "--user-data-dir=\(profile.path)", "--force-color-profile=srgb"]
            let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
                "browserName": "chrome",
                "goog:chromeOptions": ["binary": chromium, "args": args],
            ]]]
            let reply = try request("POST", "/session", capabilities, timeout: 60)
            guard let id = (reply["value"] as? [String: Any])?["sessionId"] as? String else {
                throw Failure("no session from chromedriver: \(reply)")
            }
            session = id
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Ends the session (and with it the browser) and the driver; safe to call twice.
    func close() {
        if let id = session {
            session = nil
            _ = try? request("DELETE", "/session/\(id)", timeout: 10)
        }
        if driver.isRunning {
            driver.terminate()
            let deadline = Date().addingTimeInterval(5)
            while driver.isRunning && Date() < deadline { usleep(20_000) }
            if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// One WebDriver command; the reply's JSON. Throws when the reply is an error.
    @discardableResult
    func request(_ method: String, _ path: String, _ body: [String: Any]? = nil, timeout: TimeInterval = 30) throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let data = try Self.http(method, port: port, path: path, body: payload, timeout: timeout)
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure("\(method) \(path): reply is not JSON")
        }
        if let value = json["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure("\(method) \(path): \(error): \(value["message"] as? String ?? "")")
        }
        return json
    }

    /// One HTTP/1.1 exchange with `Connection: close`: the reply's body.
    static func http(_ method: String, port: Int, path: String, body: Data, timeout: TimeInterval) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket() failed") }
        defer { Glibc.close(fd) }
        var tv = timeval(tv_sec: Int(timeout.rounded(.up)), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw Failure("\(method) \(path): cannot connect to 127.0.0.1:\(port)") }
        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        request += Data("Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
        request += body
        try request.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw Failure("\(method) \(path): send failed") }
                sent += n
            }
        }
        // Read the head, then the body to its Content-Length (the driver may
        // keep the connection open), or to the end of the stream.
        var reply = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headEnd: Range<Data.Index>?
        var length: Int?
        while true {
            if headEnd == nil, let end = reply.range(of: Data("\r\n\r\n".utf8)) {
                headEnd = end
                for line in String(decoding: reply[..<end.lowerBound], as: UTF8.self).lowercased().split(separator: "\r\n")
                where line.hasPrefix("content-length:") {
                    length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                }
            }
            if let end = headEnd, let length, reply.count - end.upperBound >= length { break }
            if let end = headEnd, String(decoding: reply[..<end.lowerBound], as: UTF8.self).lowercased().contains("chunked"),
               reply.suffix(5) == Data("0\r\n\r\n".utf8) { break }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { break }
            guard n > 0 else { throw Failure("\(method) \(path): no reply within \(Int(timeout)) s") }
            reply.append(contentsOf: buffer[0..<n])
        }
        guard let end = headEnd ?? reply.range(of: Data("\r\n\r\n".utf8)) else { throw Failure("\(method) \(path): malformed reply") }
        let head = String(decoding: reply[..<end.lowerBound], as: UTF8.self).lowercased()
        var content = Data(reply[end.upperBound...])
        if head.contains("transfer-encoding: chunked") {
            // Chunks: hex size CRLF data CRLF … 0 CRLF CRLF.
            var out = Data(), rest = content
            while let line = rest.range(of: Data("\r\n".utf8)),
                  let size = Int(String(decoding: rest[..<line.lowerBound], as: UTF8.self).split(separator: ";")[0], radix: 16), size > 0 {
                let start = line.upperBound
                out += rest[start..<start + size]
                rest = Data(rest[(start + size + 2)...])
            }
            content = out
        }
        return content
    }

    private func sessionPath(_ rest: String) throws -> String {
        guard let session else { throw Failure("the session is closed") }
        return "/session/\(session)\(rest)"
    }

    func open(_ url: URL) throws {
        try request("POST", try sessionPath("/url"), ["url": url.absoluteString], timeout: 60)
    }

    /// The element matching a CSS selector.
    func element(_ css: String) throws -> String {
        let reply = try request("POST", try sessionPath("/element"), ["using": "css selector", "value": css])
        guard let id = (reply["value"] as? [String: Any])?[Self.elementKey] as? String else { throw Failure("no element '\(css)': \(reply)") }
        return id
    }

    /// Types `keys` into the element (WebDriver focuses it first).
    func sendKeys(_ keys: String, to element: String) throws {
        try request("POST", try sessionPath("/element/\(element)/value"), ["text": keys])
    }

    func click(_ element: String) throws {
        try request("POST", try sessionPath("/element/\(element)/click"), [:])
    }

    /// The value a script returns (`return …;`).
    func script(_ source: String) throws -> Any? {
        try request("POST", try sessionPath("/execute/sync"), ["script": source, "args": [Any]()])["value"]
    }

    /// Polls `source` until it returns `expected`; throws after `timeout` seconds
    /// with the last value seen.
    func wait(until source: String, equals expected: String, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last: Any?
        repeat {
            last = try script(source)
            if let s = last as? String, s == expected { return }
            usleep(20_000)
        } while Date() < deadline
        throw Failure("after \(Int(timeout)) s, \(source) is \(String(describing: last)), expected \(expected)")
    }

    /// The element's screenshot, PNG bytes.
    func screenshot(of element: String) throws -> [UInt8] {
        let reply = try request("GET", try sessionPath("/element/\(element)/screenshot"))
        guard let text = reply["value"] as? String, let data = Data(base64Encoded: text) else { throw Failure("no screenshot") }
        return [UInt8](data)
    }
}
