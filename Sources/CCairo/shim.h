// cairo with its PDF, SVG and FreeType font backends (Debian libcairo2-dev;
// pkg-config cairo, cairo-pdf, cairo-svg, cairo-ft). FreeType's own calls come
// through cairo-ft.h's include of it, so the Vector module needs only this one.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo-ft.h>
#include FT_FREETYPE_H
