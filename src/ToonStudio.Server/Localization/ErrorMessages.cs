using System.Text.RegularExpressions;

namespace ToonStudio.Server.Localization;

/// <summary>The user-facing title and message of an error code, in one language.</summary>
public static partial class ErrorMessages
{
    public static (string Title, string Message) For(string code, string language, IReadOnlyDictionary<string, string> args)
    {
        var table = language == Language.English ? MessagesEn.Errors : MessagesKo.Errors;
        var (title, template) = table.TryGetValue(code, out var entry) ? entry : table["internal_error"];
        // An argument may come in the message's language ("allowed.ko") beside its English/neutral form ("allowed").
        var message = Placeholder().Replace(template, m =>
            args.TryGetValue($"{m.Groups[1].Value}.{language}", out var localized) ? localized
            : args.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Groups[1].Value switch
            {
                "field" => "-",
                _ => "",
            });
        return (title, message.TrimEnd(' ', ':'));
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
