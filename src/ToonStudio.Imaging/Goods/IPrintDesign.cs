using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods;

/// <summary>A template whose print file is a designed piece (a poster) rather than the artwork on a plain field.</summary>
internal interface IPrintDesign
{
    void DrawPrint(SKCanvas canvas, SKRect area, SKImage art, GoodsColor color, LabStats palette);
}
