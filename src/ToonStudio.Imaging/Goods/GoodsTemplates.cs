using ToonStudio.Imaging.Goods.Templates;

namespace ToonStudio.Imaging.Goods;

/// <summary>The template for each catalog id. Templates are stateless, so one instance serves every render.</summary>
internal static class GoodsTemplates
{
    private static readonly Dictionary<string, IGoodsTemplate> ById = Index(
        new TshirtTemplate(),
        new HoodieTemplate(),
        new MugTemplate(),
        new ToteBagTemplate(),
        new PhoneCaseTemplate(),
        new AcrylicKeyringTemplate(),
        new StickerTemplate(),
        new ButtonBadgeTemplate(),
        new PosterTemplate(),
        new CushionTemplate());

    public static IGoodsTemplate For(string id) =>
        ById.TryGetValue(id, out var template) ? template : throw new ArgumentException($"No template for goods type '{id}'.", nameof(id));

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
