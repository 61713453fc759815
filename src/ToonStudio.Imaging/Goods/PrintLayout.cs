namespace ToonStudio.Imaging.Goods;

/// <summary>How the artwork sits in the print file.</summary>
internal enum PrintLayout
{
    /// <summary>The artwork alone on transparency, fitted to the print area (textiles, mug, clear items).</summary>
    ArtOnly,

    /// <summary>The artwork over the product colour filling the print area (poster, badge, phone case).</summary>
    FullBleed,

    /// <summary>The artwork alone, inset so its die-cut border fits the print area, plus the cut line as SVG.</summary>
    DieCut,
}
