namespace ToonStudio.Imaging.Intake;

/// <summary>Why intake refused an upload.</summary>
public enum IntakeFailure
{
    /// <summary>Not PNG, JPEG or WebP by its bytes.</summary>
    Unsupported,
    /// <summary>Over the byte or pixel limit.</summary>
    TooLarge,
    /// <summary>Truncated or corrupt data.</summary>
    Invalid,
}

/// <summary>An upload intake refused, with the <see cref="IntakeFailure"/>.</summary>
public sealed class ImageIntakeException(IntakeFailure failure, string message) : Exception(message)
{
    public IntakeFailure Failure { get; } = failure;
}
