using System.Globalization;
using System.Text;
using SkiaSharp;

namespace ToonStudio.Imaging.Goods.Print;

/// <summary>
/// The cut line as SVG at print scale: the viewBox is in print-file pixels and width/height in
/// millimetres, so the path lines up with print.png and a cutter reads the true size. The stroke uses
/// the conventional "CutContour" name that RIP software maps to the cutter.
/// </summary>
internal static class CutLineSvg
{
    public static byte[] Write(IReadOnlyList<SKPoint[]> loops, int widthPx, int heightPx, double widthMm, double heightMm)
    {
        var c = CultureInfo.InvariantCulture;
        var d = new StringBuilder();
        foreach (var loop in loops)
        {
            for (var i = 0; i < loop.Length; i++)
            {
                d.Append(i == 0 ? 'M' : 'L').Append(loop[i].X.ToString("0.##", c)).Append(' ').Append(loop[i].Y.ToString("0.##", c)).Append(' ');
            }

            d.Append("Z ");
        }

        var svg = new StringBuilder()
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{widthMm:0.##}mm\" height=\"{heightMm:0.##}mm\" viewBox=\"0 0 {widthPx} {heightPx}\">\n")
            .Append("  <path id=\"CutContour\" fill=\"none\" stroke=\"#EC008C\" stroke-width=\"2\" d=\"")
            .Append(d.ToString().TrimEnd())
            .Append("\"/>\n</svg>\n");
        return Encoding.UTF8.GetBytes(svg.ToString());
    }
}
