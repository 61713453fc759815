using System.Collections;

namespace ToonStudio.Server.Ops.Logging;

/// <summary>
/// A logging scope whose values may be filled in after it began: the JSON console formatter reads scope values
/// when it writes each line, so once <see cref="JobId"/> is known every later line of the request or job has it.
/// Only ids and names go here — never image bytes, never keys.
/// </summary>
public sealed class JobLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string? RequestId { get; set; }
    public string? JobId { get; set; }
    public string? Engine { get; set; }
    public string? ProviderTaskId { get; set; }

    /// <summary>Read at each line instead of <see cref="ProviderTaskId"/>: the provider accepts the task mid-run.</summary>
    public Func<string?>? ProviderTaskIdSource { get; set; }

    private List<KeyValuePair<string, object?>> Values()
    {
        var values = new List<KeyValuePair<string, object?>>(4);
        Add(values, "RequestId", RequestId);
        Add(values, "JobId", JobId);
        Add(values, "Engine", Engine);
        Add(values, "ProviderTaskId", ProviderTaskIdSource?.Invoke() ?? ProviderTaskId);
        return values;
    }

    private static void Add(List<KeyValuePair<string, object?>> values, string key, string? value)
    {
        if (value is not null)
        {
            values.Add(new(key, value));
        }
    }

    public int Count => Values().Count;

    public KeyValuePair<string, object?> this[int index] => Values()[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Values().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', Values().Select(v => $"{v.Key}:{v.Value}"));
}
