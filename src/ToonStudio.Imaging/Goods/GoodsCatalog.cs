namespace ToonStudio.Imaging.Goods;

/// <summary>
/// The goods types every engine offers. Prompts are written for FLUX Kontext: name the object and its
/// material, say the character must stay exactly as drawn, and ask for a product photograph.
/// </summary>
public static class GoodsCatalog
{
    private const string Keep = "Keep the character exactly as drawn: same face, outline, colours and proportions; do not redraw or restyle it.";

    public static IReadOnlyList<GoodsTypeInfo> All { get; } =
    [
        new("tshirt", "티셔츠", "T-shirt",
            $"A product photo of a plain crew-neck cotton T-shirt laid flat on a light studio backdrop, the character printed large on the chest as a screen print that follows the fabric's folds. {Keep}",
            "1:1", GoodsColors.Apparel, 300, 400, false),
        new("hoodie", "후드티", "Hoodie",
            $"A product photo of a pullover fleece hoodie with a kangaroo pocket and drawstrings, the character printed on the chest above the pocket, soft studio light. {Keep}",
            "1:1", GoodsColors.Apparel, 300, 300, false),
        new("mug", "머그컵", "Mug",
            $"A product photo of a glossy white ceramic coffee mug with a handle on a table, the character printed on its side wrapping around the curve, soft reflections on the glaze. {Keep}",
            "4:3", GoodsColors.Mug, 200, 85, false),
        new("tote-bag", "에코백", "Tote bag",
            $"A product photo of a canvas tote bag with two long handles hanging against a plain wall, the character printed on the front panel, visible cotton weave. {Keep}",
            "3:4", GoodsColors.Canvas, 300, 350, false),
        new("phone-case", "폰케이스", "Phone case",
            $"A product photo of a hard smartphone case seen from the back, the character printed across it, camera cut-out at the top corner, glossy finish, on a studio surface. {Keep}",
            "3:4", GoodsColors.PhoneCase, 70, 150, false),
        new("acrylic-keyring", "아크릴 키링", "Acrylic keyring",
            $"A product photo of a die-cut clear acrylic keyring shaped around the character's outline, a metal ring and short chain at the top, bright refractive edges, on a studio backdrop. {Keep}",
            "1:1", GoodsColors.Acrylic, 50, 50, true),
        new("sticker", "스티커", "Sticker",
            $"A product photo of a die-cut vinyl sticker of the character with a thick white border following its outline, slightly lifted corner, on a light desk. {Keep}",
            "1:1", GoodsColors.Sticker, 70, 70, true),
        new("button-badge", "캔뱃지", "Button badge",
            $"A product photo of a round pin-back button badge with a glossy domed surface, the character centred on it, metal rim, on a studio backdrop. {Keep}",
            "1:1", GoodsColors.Badge, 58, 58, false),
        new("poster", "포스터", "Poster",
            $"A product photo of an A3 art print poster of the character in a thin frame hanging on a softly lit wall, slight glare on the glass. {Keep}",
            "3:4", GoodsColors.Frame, 297, 420, false),
        new("cushion", "쿠션", "Cushion",
            $"A product photo of a square plush cushion on a sofa, the character printed across the front, soft fabric with puffy edges and seams. {Keep}",
            "1:1", GoodsColors.Cushion, 400, 400, false),
    ];

    /// <summary>The type with this id (case-insensitive), or null.</summary>
    public static GoodsTypeInfo? Find(string id)
    {
        foreach (var type in All)
        {
            if (string.Equals(type.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }
}
