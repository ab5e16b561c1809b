using System.Globalization;
using System.Net;
using System.Text;

namespace ScenarioDsl.Runtime.Reports;

/// <summary>
/// A tiny SVG builder: a canvas of <see cref="Width"/> x <see cref="Height"/> with a plot area mapped from data coordinates,
/// and below it, when there is one, a legend that makes the canvas taller (<see cref="CanvasHeight"/>).
/// </summary>
internal sealed class SvgWriter
{
    public const double Width = 440, Height = 240, Left = 44, Right = 12, Top = 24, Bottom = 30;

    /// <summary>
    /// The legend's text size, its rows' pitch, the first row's baseline (below the x axis label, whose baseline is
    /// <see cref="Height"/> - 4), the narrowest column pitch (that of the legend before it moved below the plot) and the
    /// least gap between two columns' entries.
    /// </summary>
    public const double LegendSize = 10, LegendRow = 14, LegendBaseline = Height + 12, LegendPitch = 95, LegendGap = 12;

    private readonly StringBuilder _svg = new();
    private readonly double _x0, _x1, _y0, _y1;

    /// <summary>The canvas's height: <see cref="Height"/> and the legend's rows.</summary>
    public double CanvasHeight { get; }

    public SvgWriter(string cssClass, string title, double x0, double x1, double y0, double y1, LegendLayout? legend = null)
    {
        _x0 = x0;
        _x1 = x1 > x0 ? x1 : x0 + 1;
        _y0 = y0;
        _y1 = y1 > y0 ? y1 : y0 + 1;
        CanvasHeight = Height + (legend?.Height ?? 0);
        _svg.Append("<svg class=\"").Append(cssClass).Append("\" viewBox=\"0 0 ")
            .Append(F(Width)).Append(' ').Append(F(CanvasHeight)).Append("\" width=\"").Append(F(Width)).Append("\" height=\"").Append(F(CanvasHeight)).Append("\">");
        _svg.Append("<title>").Append(Encode(title)).Append("</title>");
        _svg.Append("<rect x=\"").Append(F(Left)).Append("\" y=\"").Append(F(Top)).Append("\" width=\"").Append(F(Width - Left - Right))
            .Append("\" height=\"").Append(F(Height - Top - Bottom)).Append("\" fill=\"#fafafa\" stroke=\"#bbb\"/>");
        Text(Width / 2, 15, title, "middle", 12, "#222");
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public double X(double x) => Left + (x - _x0) / (_x1 - _x0) * (Width - Left - Right);

    public double Y(double y) => Height - Bottom - (y - _y0) / (_y1 - _y0) * (Height - Top - Bottom);

    public void Polyline(IEnumerable<(double X, double Y)> points, string color, bool dashed = false, bool markers = true)
    {
        // A point that is not finite has no place on the canvas ("NaN" in an attribute would void the whole line): left out.
        var list = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        _svg.Append("<polyline fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"1.8\"")
            .Append(dashed ? " stroke-dasharray=\"5 4\"" : "").Append(" points=\"");
        foreach (var (x, y) in list) _svg.Append(F(X(x))).Append(',').Append(F(Y(y))).Append(' ');
        _svg.Append("\"/>");
        if (markers)
            foreach (var (x, y) in list) Circle(x, y, 2.2, color);
    }

    public void Circle(double x, double y, double radiusPx, string color, bool filled = true)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y) || !double.IsFinite(radiusPx)) return;
        _svg.Append("<circle cx=\"").Append(F(X(x))).Append("\" cy=\"").Append(F(Y(y))).Append("\" r=\"").Append(F(radiusPx))
            .Append(filled ? "\" fill=\"" + color + "\"/>" : "\" fill=\"none\" stroke=\"" + color + "\" stroke-dasharray=\"3 3\"/>");
    }

    public void Rect(double x0, double y0, double x1, double y1, string color) =>
        _svg.Append("<rect x=\"").Append(F(Math.Min(X(x0), X(x1)))).Append("\" y=\"").Append(F(Math.Min(Y(y0), Y(y1))))
            .Append("\" width=\"").Append(F(Math.Abs(X(x1) - X(x0)))).Append("\" height=\"").Append(F(Math.Abs(Y(y1) - Y(y0))))
            .Append("\" fill=\"").Append(color).Append("\"/>");

    public void Text(double xPx, double yPx, string text, string anchor = "start", double size = 10, string color = "#444", string? tooltip = null) =>
        _svg.Append("<text x=\"").Append(F(xPx)).Append("\" y=\"").Append(F(yPx)).Append("\" font-size=\"").Append(F(size))
            .Append("\" text-anchor=\"").Append(anchor).Append("\" fill=\"").Append(color).Append("\" font-family=\"sans-serif\">")
            .Append(tooltip is null ? "" : "<title>" + Encode(tooltip) + "</title>").Append(Encode(text)).Append("</text>");

    public void AxisLabels(string xLabel, string yLabel)
    {
        Text(X(_x0), Height - Bottom + 12, F(_x0), "middle");
        Text(X(_x1), Height - Bottom + 12, F(_x1), "middle");
        Text(Left - 4, Y(_y0) + 3, F(_y0), "end");
        Text(Left - 4, Y(_y1) + 3, F(_y1), "end");
        Text((Left + Width - Right) / 2, Height - 4, xLabel, "middle");
        Text(10, (Top + Height - Bottom) / 2, yLabel, "middle");
    }

    /// <summary>One legend entry: where its text starts, its baseline, the text shown and, when that is shortened, the whole name.</summary>
    public sealed record LegendEntry(double X, double Y, string Shown, string? Full);

    /// <summary>A legend's entries and the height it adds to the canvas.</summary>
    public sealed record LegendLayout(IReadOnlyList<LegendEntry> Entries, double Height);

    /// <summary>
    /// Lays out a legend of <paramref name="names"/> below the plot, from the plot area's left edge (+6) to its right edge, in
    /// rows of equal columns: as many columns as the widest entry allows (at least <see cref="LegendPitch"/> apart, so a few
    /// short names sit as they did inside the plot), as many rows as the names need. Widths are estimated generously
    /// (<see cref="TextWidth.Pixels"/>); a name wider than half the row (the whole row when it is the only one) is shortened
    /// with an ellipsis and keeps its whole text as a tooltip. Nothing overlaps, whatever the number or length of the names.
    /// </summary>
    public static LegendLayout LayOutLegend(IReadOnlyList<string> names)
    {
        if (names.Count == 0) return new([], 0);
        const double x0 = Left + 6, available = Width - Right - x0;
        double widest = names.Count == 1 ? available : (available - LegendGap) / 2;
        var shown = names.Select(name => TextWidth.Shorten(name, widest, LegendSize)).ToList();
        double width = shown.Max(text => TextWidth.Pixels(text, LegendSize));
        double pitch = Math.Max(LegendPitch, width + LegendGap);
        int columns = Math.Clamp((int)Math.Floor((available - width) / pitch) + 1, 1, names.Count);
        int rows = (names.Count + columns - 1) / columns;
        var entries = names.Select((name, i) => new LegendEntry(x0 + pitch * (i % columns), LegendBaseline + LegendRow * (i / columns),
            shown[i], shown[i] == name ? null : name)).ToList();
        // The last row's baseline is LegendBaseline + LegendRow * (rows - 1) = Height - 2 + LegendRow * rows: 6 px above the end.
        return new(entries, LegendRow * rows + 4);
    }

    /// <summary>Draws a legend laid out by <see cref="LayOutLegend"/> (the one the canvas was made for), entry i in <paramref name="color"/>(i).</summary>
    public void Legend(LegendLayout legend, Func<int, string> color)
    {
        _svg.Append("<g class=\"legend\">");
        for (int i = 0; i < legend.Entries.Count; i++)
        {
            var entry = legend.Entries[i];
            Text(entry.X, entry.Y, entry.Shown, "start", LegendSize, color(i), entry.Full);
        }
        _svg.Append("</g>");
    }

    public override string ToString() => _svg + "</svg>";
}
