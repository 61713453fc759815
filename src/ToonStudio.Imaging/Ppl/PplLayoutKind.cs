namespace ToonStudio.Imaging.Ppl;

/// <summary>Where the product goes relative to the character.</summary>
internal enum PplLayoutKind
{
    /// <summary>In the character's hand, in front of its side.</summary>
    Holding,

    /// <summary>Standing beside the character on the same floor, on a seeded side.</summary>
    NextTo,

    /// <summary>On a table in front of the character.</summary>
    OnTable,

    /// <summary>Beside the character, on the left of the picture.</summary>
    Left,

    /// <summary>Beside the character, on the right of the picture.</summary>
    Right,

    /// <summary>Large, behind the character, like a display or billboard.</summary>
    Background,
}
