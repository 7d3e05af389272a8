/// The page as one HTML file: markup, style, script and images inline (PNG as
/// base64 `data:` URIs), nothing fetched, so it works from `file://` and any
/// static host. Deterministic: the same cells give the same bytes.
extension InteractivePage {
    /// The HTML file's bytes (UTF-8).
    ///
    /// - Throws: `EncodeError` when the page has no cell, when the cells are
    ///   not one per combination of slider positions, or when the base image
    ///   cannot be encoded.
    public func html() throws -> [UInt8] {
        guard let base, !cells.isEmpty else { throw EncodeError("a page needs at least one cell") }
        guard cells.count == expectedCells else {
            throw EncodeError("the sliders make \(expectedCells) combinations but the page has \(cells.count) cells")
        }
        let basePNG = try PNGEncoder.encode(CellBuilder.opaque(base))
        var data = "{\"w\":\(width),\"h\":\(height),\"ms\":\(max(1, frameMilliseconds)),"
        data += "\"sliders\":[" + sliders.map { s in
            "{\"name\":\(Self.js(s.name)),\"labels\":[" + s.labels.map(Self.js).joined(separator: ",")
                + "],\"initial\":\(min(max(0, s.initial), max(0, s.labels.count - 1)))}"
        }.joined(separator: ",") + "],"
        data += "\"base\":\"data:image/png;base64," + Self.base64(basePNG) + "\",\n\"cells\":[\n"
        data += cells.map { entry -> String in
            let (cell, info) = entry
            let patches = cell.patches.map { frame in
                "[" + frame.map { "\($0.rect.x),\($0.rect.y),\($0.rect.width),\($0.rect.height),\($0.sheetX),\($0.sheetY)" }.joined(separator: ",") + "]"
            }
            let runs = info.runs.map { r in
                "{\"label\":\(Self.js(r.label)),\"loss\":[" + r.losses.map(Self.js).joined(separator: ",") + "],\"final\":\(Self.js(r.final))}"
            }
            return "{\"steps\":[" + info.steps.map(String.init).joined(separator: ",") + "],\"p\":["
                + patches.joined(separator: ",") + "],\"runs\":[" + runs.joined(separator: ",")
                + "],\"s\":\"" + Self.base64(cell.sheet) + "\"}"
        }.joined(separator: ",\n")
        data += "\n]}"
        let page = Self.filled(Self.template, [
            ("%TITLE%", Self.escaped(title)), ("%MAXWIDTH%", String(width)), ("%HEADING%", Self.escaped(title)),
            ("%CAPTION%", Self.escaped(caption)), ("%WIDTH%", String(width)), ("%HEIGHT%", String(height)), ("%DATA%", data),
        ])
        return Array(page.utf8)
    }

    /// `text` for HTML text and attribute values.
    static func escaped(_ text: String) -> String {
        var s = ""
        for c in text {
            switch c {
            case "&": s += "&amp;"
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "\"": s += "&quot;"
            case "'": s += "&#39;"
            default: s.append(c)
            }
        }
        return s
    }

    /// `text` as a JSON string literal that is also safe inside `<script>`
    /// (`<` written as `\u003c`, so no `</script>` can close it early).
    static func js(_ text: String) -> String {
        var s = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "<": s += "\\u003c"
            case ">": s += "\\u003e"
            case "&": s += "\\u0026"
            case "\u{2028}": s += "\\u2028"
            case "\u{2029}": s += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    s += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    s.unicodeScalars.append(u)
                }
            }
        }
        return s + "\""
    }

    /// Standard base64 (RFC 4648, with padding).
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The page around the data. The canvas is the figure at its own pixel
    /// size; CSS shrinks it to the viewport (never enlarges it). The script
    /// keeps the frame it drew last and, moving forward in the same cell, only
    /// copies the new patches; otherwise it starts again from the base. After
    /// each draw it writes `data-shown="cell:frame"` on the canvas, which tests
    /// wait for.
    static let template = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%TITLE%</title>
<style>
body{font:16px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;padding:8px;max-width:%MAXWIDTH%px;color:#222;background:#fff}
h1{font-size:1.25em;margin:.2em 0}
p.caption{margin:.2em 0 .6em;color:#444}
canvas{display:block;width:100%;height:auto}
.controls{display:grid;grid-template-columns:auto 1fr auto;gap:.4em .8em;align-items:center;margin:.6em 0}
.controls label{font-weight:600}
.controls input[type=range]{width:100%;min-height:2.2em;margin:0}
.controls output{font-variant-numeric:tabular-nums;min-width:4.5em;text-align:right}
button{font:inherit;min-width:5.5em;min-height:2.6em;padding:0 .8em}
#status{font-variant-numeric:tabular-nums;white-space:pre-line;margin:.4em 0}
</style>
</head>
<body>
<h1>%HEADING%</h1>
<p class="caption">%CAPTION%</p>
<canvas id="figure" width="%WIDTH%" height="%HEIGHT%" role="img" aria-label="the figure for the values chosen below"></canvas>
<div class="controls" id="controls">
<button id="play" type="button">▶ Play</button>
<input id="step" type="range" min="0" max="0" step="1" value="0" aria-label="optimizer step">
<output id="stepText" for="step"></output>
</div>
<p id="values" aria-live="polite"></p>
<p id="status" aria-live="polite"></p>
<noscript><p>This page draws its figure with JavaScript; turn it on to see the figure and move the sliders.</p></noscript>
<script>
"use strict";
const D = %DATA%;
(function () {
  const canvas = document.getElementById("figure");
  const ctx = canvas.getContext("2d", {alpha: false});
  ctx.imageSmoothingEnabled = false;
  const controls = document.getElementById("controls");
  const stepInput = document.getElementById("step");
  const stepText = document.getElementById("stepText");
  const play = document.getElementById("play");
  const base = new Image();
  base.src = D.base;
  const sheets = new Map();
  const sliders = D.sliders.map(function (s, i) {
    const label = document.createElement("label");
    label.htmlFor = "slider" + i;
    label.textContent = s.name;
    const input = document.createElement("input");
    input.type = "range"; input.id = "slider" + i;
    input.min = 0; input.max = s.labels.length - 1; input.step = 1; input.value = s.initial;
    const out = document.createElement("output");
    out.htmlFor = input.id;
    controls.append(label, input, out);
    return {spec: s, input: input, out: out};
  });
  function cellIndex() {
    return sliders.reduce(function (k, s) { return k * s.spec.labels.length + Number(s.input.value); }, 0);
  }
  function sheet(i) {
    let im = sheets.get(i);
    if (!im) { im = new Image(); im.src = "data:image/png;base64," + D.cells[i].s; sheets.set(i, im); }
    return im;
  }
  let shownCell = -1, shownFrame = -1, request = 0, timer = null;
  async function show(cell, frame) {
    const mine = ++request;
    const im = sheet(cell);
    await Promise.all([base.decode(), im.decode()]);
    if (mine !== request) return;
    const c = D.cells[cell];
    let from = 0;
    if (cell === shownCell && frame >= shownFrame) { from = shownFrame + 1; }
    else { ctx.drawImage(base, 0, 0); }
    for (let k = from; k <= frame; k++) {
      const p = c.p[k];
      for (let i = 0; i < p.length; i += 6) ctx.drawImage(im, p[i + 4], p[i + 5], p[i + 2], p[i + 3], p[i], p[i + 1], p[i + 2], p[i + 3]);
    }
    shownCell = cell; shownFrame = frame;
    describe(cell, frame);
    canvas.dataset.shown = cell + ":" + frame;
  }
  function describe(cell, frame) {
    const c = D.cells[cell];
    sliders.forEach(function (s) {
      const text = s.spec.labels[Number(s.input.value)];
      s.out.value = text; s.input.setAttribute("aria-valuetext", text);
    });
    stepInput.max = c.steps.length - 1; stepInput.value = frame;
    const step = c.steps[frame], last = c.steps[c.steps.length - 1];
    stepText.value = "step " + step + " / " + last;
    stepInput.setAttribute("aria-valuetext", stepText.value);
    document.getElementById("values").textContent =
      sliders.map(function (s) { return s.spec.name + " = " + s.spec.labels[Number(s.input.value)]; }).join(", ");
    document.getElementById("status").textContent = c.runs.map(function (r) {
      return (c.runs.length > 1 ? r.label + ": " : "") + "loss at step " + step + ": " + r.loss[frame] + " · final loss: " + r.final;
    }).join("\n");
  }
  function stop() { if (timer !== null) { clearInterval(timer); timer = null; } play.textContent = "▶ Play"; }
  play.addEventListener("click", function () {
    if (timer !== null) { stop(); return; }
    const cell = cellIndex(), n = D.cells[cell].steps.length;
    let frame = Number(stepInput.value) >= n - 1 ? 0 : Number(stepInput.value);
    show(cell, frame);
    play.textContent = "❚❚ Pause";
    timer = setInterval(function () {
      frame += 1;
      if (frame >= n) { stop(); return; }
      show(cell, frame);
    }, D.ms);
  });
  stepInput.addEventListener("input", function () { stop(); show(cellIndex(), Number(stepInput.value)); });
  sliders.forEach(function (s) {
    s.input.addEventListener("input", function () { stop(); const c = cellIndex(); show(c, D.cells[c].steps.length - 1); });
  });
  const first = cellIndex();
  show(first, D.cells[first].steps.length - 1);
})();
</script>
</body>
</html>

"""#
}

extension InteractivePage {
    /// `template` with each marker replaced, in order of appearance (each
    /// searched after the previous replacement, so text put in is never
    /// searched again).
    static func filled(_ template: String, _ markers: [(String, String)]) -> String {
        var out = ""
        var rest = Substring(template)
        for (marker, text) in markers {
            guard let r = rest.firstRange(of: marker) else { continue }
            out += rest[..<r.lowerBound]
            out += text
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
