namespace VlassPS.Core.Errors;

/// <summary>
/// The category of a VlassPS error. The names are those of PowerShell's ErrorCategory (the module maps them by
/// name), so Core carries no PowerShell reference.
/// </summary>
public enum VlassErrorKind
{
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    ObjectNotFound,
    ReadError,
    WriteError,
    ResourceExists,
    ResourceUnavailable,
    NotImplemented,
    LimitsExceeded,
    ConnectionError,
    SecurityError,
    PermissionDenied,
    OperationTimeout,
    ParserError,
    InvalidResult,
}
