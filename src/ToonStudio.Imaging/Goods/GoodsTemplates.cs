using ToonStudio.Imaging.Goods.Templates;

namespace ToonStudio.Imaging.Goods;

/// <summary>The template for each catalog id. Templates are stateless, so one instance serves every render.</summary>
internal static class GoodsTemplates
{
    private static readonly Dictionary<string, IGoodsTemplate> ById = Index(
        new TshirtTemplate(),
        new MugTemplate(),
        new StickerTemplate(),
        new AcrylicKeyringTemplate());

    public static IGoodsTemplate For(string id) =>
        ById.TryGetValue(id, out var template) ? template : ById["tshirt"];

    private static Dictionary<string, IGoodsTemplate> Index(params IGoodsTemplate[] templates)
    {
        var map = new Dictionary<string, IGoodsTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in templates)
        {
            map[t.Id] = t;
        }

        return map;
    }
}
