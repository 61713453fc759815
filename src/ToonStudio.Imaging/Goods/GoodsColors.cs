namespace ToonStudio.Imaging.Goods;

/// <summary>Product colour options; the first of each list is the default.</summary>
internal static class GoodsColors
{
    public static readonly GoodsColor[] Apparel =
    [
        new("white", "#F4F4F2", "화이트", "White"),
        new("heather-gray", "#B9BBBD", "그레이", "Heather gray"),
        new("black", "#2A2A2D", "블랙", "Black"),
        new("navy", "#27324F", "네이비", "Navy"),
        new("cream", "#EFE6D2", "크림", "Cream"),
        new("pink", "#F2C4CE", "핑크", "Pink"),
    ];

    public static readonly GoodsColor[] Mug =
    [
        new("white", "#F7F7F5", "화이트", "White"),
        new("black", "#26262A", "블랙", "Black"),
        new("pastel-pink", "#F4CFD6", "파스텔 핑크", "Pastel pink"),
        new("sky-blue", "#C9E1F2", "스카이 블루", "Sky blue"),
    ];

    public static readonly GoodsColor[] Canvas =
    [
        new("natural", "#EDE3CF", "내추럴", "Natural"),
        new("black", "#2B2B2B", "블랙", "Black"),
        new("olive", "#7A7A55", "올리브", "Olive"),
    ];

    public static readonly GoodsColor[] PhoneCase =
    [
        new("clear", "#E9EEF2", "투명", "Clear"),
        new("white", "#F5F5F5", "화이트", "White"),
        new("black", "#1F1F22", "블랙", "Black"),
        new("lavender", "#D8CCEB", "라벤더", "Lavender"),
    ];

    public static readonly GoodsColor[] Acrylic =
    [
        new("clear", "#FFFFFF", "투명", "Clear"),
        new("aurora", "#E6DCF7", "오로라", "Aurora"),
        new("gold-ring", "#E2C275", "골드 링", "Gold ring"),
    ];

    public static readonly GoodsColor[] Sticker =
    [
        new("white-border", "#FFFFFF", "화이트 테두리", "White border"),
        new("holographic", "#DDE8F5", "홀로그램", "Holographic"),
    ];

    public static readonly GoodsColor[] Badge =
    [
        new("white", "#FAFAFA", "화이트", "White"),
        new("yellow", "#FFE7A0", "옐로", "Yellow"),
        new("mint", "#CDEEDD", "민트", "Mint"),
        new("pink", "#F9D3DC", "핑크", "Pink"),
    ];

    public static readonly GoodsColor[] Frame =
    [
        new("oak", "#B8895A", "오크", "Oak"),
        new("black", "#222222", "블랙", "Black"),
        new("white", "#F2F2F0", "화이트", "White"),
    ];

    public static readonly GoodsColor[] Cushion =
    [
        new("ivory", "#F3EEE3", "아이보리", "Ivory"),
        new("butter", "#F6E3A6", "버터", "Butter"),
        new("sage", "#C5D3BC", "세이지", "Sage"),
        new("blush", "#F0CFC9", "블러시", "Blush"),
        new("charcoal", "#45464B", "차콜", "Charcoal"),
    ];
}
