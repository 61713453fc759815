namespace ToonStudio.Imaging.Intake;

public enum IntakeFailure
{
    /// <summary>Not PNG, JPEG or WebP by its bytes.</summary>
    Unsupported,
    /// <summary>Over the byte or pixel limit.</summary>
    TooLarge,
    /// <summary>Truncated or corrupt data.</summary>
    Invalid,
}

public sealed class ImageIntakeException(IntakeFailure failure, string message) : Exception(message)
{
    public IntakeFailure Failure { get; } = failure;
}
