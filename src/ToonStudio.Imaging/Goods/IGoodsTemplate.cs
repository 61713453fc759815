using SkiaSharp;

namespace ToonStudio.Imaging.Goods;

/// <summary>One goods type's procedural mockup: it draws the product and the artwork on it.</summary>
internal interface IGoodsTemplate
{
    /// <summary>The catalog id this template renders.</summary>
    string Id { get; }

    /// <summary>Where the artwork goes on the product, in the 1000×1000 design space.</summary>
    SKRect PrintArea { get; }

    /// <summary>How the print file is laid out for this type.</summary>
    PrintLayout Print { get; }

    /// <summary>The die-cut border as a fraction of the artwork's longer side (die-cut types only).</summary>
    float CutBorder => 0f;

    /// <summary>Whether the die-cut outline gets a keyring tab with a hole.</summary>
    bool CutTab => false;

    /// <summary>Draws the whole mockup (backdrop included) onto <see cref="GoodsScene.Canvas"/>.</summary>
    void Draw(GoodsScene scene);
}
