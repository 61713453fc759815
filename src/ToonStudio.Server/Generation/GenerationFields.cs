namespace ToonStudio.Server.Generation;

/// <summary>The form field names of the earlier system's web forms, which keep working unchanged (the image fields are each kind's, in <see cref="Engines.JobKindDescriptor"/>).</summary>
public static class GenerationFields
{
    public const string Prompt = "prompt";
    public const string AspectRatio = "aspect_ratio";
    public const string OutputFormat = "output_format";
    public const string SafetyTolerance = "safety_tolerance";
    public const string Seed = "seed";
    public const string Engine = "engine";
    public const string GoodsType = "goods_type";
    public const string GoodsColor = "goods_color";

    public static readonly IReadOnlySet<string> Repeatable = new HashSet<string>(StringComparer.Ordinal) { GoodsType };
}
