using System.Management.Automation;
using VlassPS.Core.Errors;

namespace VlassPS.Commands;

/// <summary>
/// Base of every VlassPS cmdlet: cancellation wired to Ctrl+C / StopProcessing, consistent error records,
/// and path resolution against the PowerShell location (never the process directory).
/// </summary>
public abstract class VlassCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private bool _disposed;

    /// <summary>Cancelled when the user stops the pipeline.</summary>
    protected CancellationToken CancellationToken => _cancellation.Token;

    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>A per-item failure: the pipeline goes on with the next item.</summary>
    protected void WriteItemError(Exception exception, string errorId, ErrorCategory category, object? target)
        => WriteError(CreateErrorRecord(exception, errorId, category, target));

    /// <summary>Invalid invocation: nothing can proceed.</summary>
    protected void ThrowInvocationError(Exception exception, string errorId, ErrorCategory category, object? target)
        => ThrowTerminatingError(CreateErrorRecord(exception, errorId, category, target));

    internal static ErrorRecord CreateErrorRecord(Exception exception, string errorId, ErrorCategory category, object? target)
        => new(exception, errorId, category, target) { ErrorDetails = new ErrorDetails(exception.Message) };

    /// <summary>A domain failure from Core: its id and category come from the one error table (VlassErrors).</summary>
    protected void WriteItemError(VlassException exception)
        => WriteError(CreateErrorRecord(exception));

    /// <summary>A domain failure that ends the command.</summary>
    protected void ThrowInvocationError(VlassException exception)
        => ThrowTerminatingError(CreateErrorRecord(exception));

    /// <summary>A failure reported with an id from the error table (the category is the table's).</summary>
    protected void WriteItemError(Exception exception, VlassErrorId error, object? target)
        => WriteError(CreateErrorRecord(exception, error.Id, Category(error.Kind), target));

    /// <summary>A failure with an id from the error table that ends the command.</summary>
    protected void ThrowInvocationError(Exception exception, VlassErrorId error, object? target)
        => ThrowTerminatingError(CreateErrorRecord(exception, error.Id, Category(error.Kind), target));

    internal static ErrorRecord CreateErrorRecord(VlassException exception)
        => CreateErrorRecord(exception, exception.Error.Id, Category(exception.Error.Kind), exception.Target);

    /// <summary>VlassErrorKind names are ErrorCategory names.</summary>
    internal static ErrorCategory Category(VlassErrorKind kind) => Enum.Parse<ErrorCategory>(kind.ToString());

    /// <summary>
    /// Resolves a user path (relative to $PWD, ~ expanded) to a file-system path; the file need not exist.
    /// Terminates with a clear error for non-FileSystem providers.
    /// </summary>
    protected string ResolvePath(string path)
    {
        string resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
        if (provider.Name != "FileSystem")
        {
            ThrowInvocationError(new ArgumentException($"'{path}' is on the {provider.Name} provider; VlassPS needs a file-system path."),
                "PathNotFileSystem", ErrorCategory.InvalidArgument, path);
        }
        return resolved;
    }

    /// <summary>Resolves existing paths; wildcards expand unless <paramref name="literal"/>.</summary>
    protected IReadOnlyList<string> ResolveExistingPaths(string path, bool literal)
    {
        if (literal)
        {
            string p = ResolvePath(path);
            return File.Exists(p) || Directory.Exists(p) ? new[] { p } : Array.Empty<string>();
        }
        try
        {
            var list = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
            if (provider.Name != "FileSystem")
                ThrowInvocationError(new ArgumentException($"'{path}' is on the {provider.Name} provider; VlassPS needs a file-system path."),
                    "PathNotFileSystem", ErrorCategory.InvalidArgument, path);
            return list;
        }
        catch (ItemNotFoundException)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>
    /// Expands -Path (wildcards) or -LiteralPath inputs to existing items; an input that matches nothing is a
    /// per-item ObjectNotFound error with <paramref name="notFoundErrorId"/>, and the others go on.
    /// </summary>
    protected IEnumerable<string> ExpandInputPaths(IEnumerable<string> inputs, bool literal, string what, string notFoundErrorId)
    {
        foreach (string input in inputs)
        {
            var items = ResolveExistingPaths(input, literal);
            if (items.Count == 0)
                WriteItemError(new FileNotFoundException($"{what} '{input}' was not found.", input), notFoundErrorId, ErrorCategory.ObjectNotFound, input);
            foreach (string item in items) yield return item;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }
}
