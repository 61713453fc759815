namespace ToonStudio.Imaging.Ppl;

/// <summary>
/// Picks the layout from the prompt's words (Korean and English); a prompt that names none gets a
/// layout chosen by the seed, so trying another seed shows another arrangement.
/// </summary>
internal static class PplLayoutPicker
{
    // Checked in order: "holding it at the table" is about the hand first.
    private static readonly (PplLayoutKind Kind, string[] Words)[] Rules =
    [
        (PplLayoutKind.Holding, ["holding", "holds", "hold ", "in hand", "in her hand", "in his hand", "grab", "carrying", "들고", "든 ", "잡고", "쥐고", "손에"]),
        (PplLayoutKind.OnTable, ["table", "desk", "counter", "테이블", "책상", "탁자", "식탁"]),
        (PplLayoutKind.Background, ["background", "behind", "backdrop", "billboard", "배경", "뒤에", "뒤쪽"]),
        (PplLayoutKind.Left, ["on the left", "left side", "to the left", "왼쪽", "좌측"]),
        (PplLayoutKind.Right, ["on the right", "right side", "to the right", "오른쪽", "우측"]),
        (PplLayoutKind.NextTo, ["next to", "beside", "alongside", "by the", "옆에", "옆", "나란히"]),
    ];

    private static readonly PplLayoutKind[] SeedChoices =
        [PplLayoutKind.Holding, PplLayoutKind.NextTo, PplLayoutKind.OnTable, PplLayoutKind.Background];

    public static PplLayoutKind Pick(string? prompt, Random random)
    {
        var text = (prompt ?? string.Empty).ToLowerInvariant() + " ";
        foreach (var (kind, words) in Rules)
        {
            foreach (var word in words)
            {
                if (text.Contains(word, StringComparison.Ordinal))
                {
                    return kind;
                }
            }
        }

        return SeedChoices[random.Next(SeedChoices.Length)];
    }
}
