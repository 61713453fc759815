namespace ToonStudio.Server.Generation;

/// <summary>The form field names of the earlier system's web forms, which keep working unchanged.</summary>
public static class GenerationFields
{
    public const string Prompt = "prompt";
    public const string InputImage = "input_image";
    public const string InputImage1 = "input_image_1";
    public const string InputImage2 = "input_image_2";
    public const string AspectRatio = "aspect_ratio";
    public const string OutputFormat = "output_format";
    public const string SafetyTolerance = "safety_tolerance";
    public const string Seed = "seed";
    public const string Engine = "engine";
    public const string GoodsType = "goods_type";
    public const string GoodsColor = "goods_color";

    public static readonly IReadOnlySet<string> Repeatable = new HashSet<string>(StringComparer.Ordinal) { GoodsType };
}
