using System.Management.Automation;
using VlassPS.Core.Errors;

namespace VlassPS.Commands;

/// <summary>
/// Base of every VlassPS cmdlet: cancellation wired to Ctrl+C / StopProcessing, consistent error records,
/// and path resolution against the PowerShell location (never the process directory).
/// </summary>
public abstract partial class VlassCmdlet : PSCmdlet, IDisposable
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
        if (System.Text.Unicode.Utf8.FromUtf16(path, new byte[System.Text.Encoding.UTF8.GetMaxByteCount(path.Length)], out _, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
            ThrowInvocationError(new ArgumentException($"The path '{path}' holds a lone surrogate (invalid Unicode); no file can have that name."), VlassErrors.PathNotFileSystem, path);
        if (path.Contains('\0'))
            ThrowInvocationError(new ArgumentException($"The path '{path.Replace('\0', '?')}' contains a NUL character; no file can have that name."), VlassErrors.PathNotFileSystem, path);
        string resolved = "";
        ProviderInfo? provider = null;
        try
        {
            resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (Exception ex) when (IsPathSyntaxFailure(ex))
        {
            // 'file:///x', 'nodrive:x', a malformed provider path: not a file-system path the user can mean.
            ThrowInvocationError(new ArgumentException($"'{path}' is not a file-system path: {ex.Message}", ex), VlassErrors.PathNotFileSystem, path);
        }
        if (provider!.Name != "FileSystem")
        {
            ThrowInvocationError(new ArgumentException($"'{path}' is on the {provider.Name} provider; VlassPS needs a file-system path."),
                "PathNotFileSystem", ErrorCategory.InvalidArgument, path);
        }
        return resolved;
    }

    /// <summary>
    /// True when <paramref name="text"/> is a usable wildcard pattern. 'T12t13[' has a wildcard character but is
    /// no pattern: it is then a literal name (an unknown one is reported as such), never a RuntimeException.
    /// </summary>
    internal static bool IsValidWildcard(string text)
    {
        if (!WildcardPattern.ContainsWildcardCharacters(text)) return false;
        try { _ = new WildcardPattern(text).IsMatch(""); return true; }
        catch (WildcardPatternException) { return false; }
    }

    /// <summary>A pattern for <paramref name="text"/>, literal when it is no valid pattern.</summary>
    internal static WildcardPattern PatternOrLiteral(string text, WildcardOptions options)
        => new(WildcardPattern.ContainsWildcardCharacters(text) && !IsValidWildcard(text) ? WildcardPattern.Escape(text) : text, options);

    private static bool IsPathSyntaxFailure(Exception ex)
        => ex is SessionStateException or ProviderInvocationException or PSArgumentException or ArgumentException or NotSupportedException
            or PSNotSupportedException or WildcardPatternException;

    /// <summary>
    /// Resolves existing paths; wildcards expand unless <paramref name="literal"/>. A path that is no file-system
    /// path is a <see cref="VlassException"/> (PathNotFileSystem), so that callers can go on with the next input.
    /// </summary>
    protected IReadOnlyList<string> ResolveExistingPaths(string path, bool literal)
    {
        if (path.Contains('\0'))
            throw new VlassException(VlassErrors.PathNotFileSystem, $"The path '{path.Replace('\0', '?')}' contains a NUL character; no file can have that name.", path);
        if (literal)
        {
            string p;
            ProviderInfo provider;
            try { p = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _); }
            catch (Exception ex) when (IsPathSyntaxFailure(ex))
            {
                throw new VlassException(VlassErrors.PathNotFileSystem, $"'{path}' is not a file-system path: {ex.Message}", path, ex);
            }
            if (provider.Name != "FileSystem")
                throw new VlassException(VlassErrors.PathNotFileSystem, $"'{path}' is on the {provider.Name} provider; VlassPS needs a file-system path.", path);
            return File.Exists(p) || Directory.Exists(p) ? new[] { p } : Array.Empty<string>();
        }
        try
        {
            var list = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
            if (provider.Name != "FileSystem")
                throw new VlassException(VlassErrors.PathNotFileSystem, $"'{path}' is on the {provider.Name} provider; VlassPS needs a file-system path.", path);
            return list;
        }
        catch (ItemNotFoundException)
        {
            return Array.Empty<string>();
        }
        catch (WildcardPatternException)
        {
            // 'T12t13[' is no pattern: take the name literally, as -LiteralPath would.
            return ResolveExistingPaths(path, literal: true);
        }
        catch (Exception ex) when (IsPathSyntaxFailure(ex))
        {
            throw new VlassException(VlassErrors.PathNotFileSystem, $"'{path}' is not a file-system path: {ex.Message}", path, ex);
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
            IReadOnlyList<string> items;
            try { items = ResolveExistingPaths(input, literal); }
            catch (VlassException ex)
            {
                WriteItemError(ex);
                continue;
            }
            if (items.Count == 0)
                WriteItemError(new FileNotFoundException($"{what} '{input}' was not found.", input), notFoundErrorId, ErrorCategory.ObjectNotFound, input);
            foreach (string item in items) yield return item;
        }
    }

    /// <summary>
    /// Writes one output file by the module's one rule (<see cref="Core.IO.OutputFile"/>) and reports it the
    /// same way in every writer: verbose Created/Unchanged/Updated, a FileConflict error for Conflict, and an
    /// OutputPathRefused error for a destination that is an input or not a regular file. Null when it failed.
    /// </summary>
    protected Core.IO.WriteStatus? WriteOutputFile(string path, Action<Stream> produce, IEnumerable<string>? inputs, string what)
    {
        if (!ShouldProcess(path, what)) return Core.IO.WriteStatus.Planned;
        Core.IO.WriteStatus status;
        try
        {
            status = Core.IO.OutputFile.Write(path, produce, ForceGiven, inputs);
        }
        catch (Core.IO.OutputPathException ex)
        {
            WriteItemError(ex, "OutputPathRefused", ErrorCategory.InvalidArgument, path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteItemError(ex, "OutputWriteFailed", ErrorCategory.WriteError, path);
            return null;
        }
        return ReportWrite(path, status);
    }

    /// <summary>The common report of a write: verbose for the status, an error for Conflict.</summary>
    protected Core.IO.WriteStatus? ReportWrite(string path, Core.IO.WriteStatus status)
    {
        if (status == Core.IO.WriteStatus.Conflict)
        {
            WriteItemError(new Core.IO.OutputConflictException(path), "FileConflict", ErrorCategory.ResourceExists, path);
            return status;
        }
        WriteVerbose($"{path}: {status}.");
        return status;
    }

    /// <summary>-Force of the writers (replaces other content); false for cmdlets without one.</summary>
    private bool ForceGiven => MyInvocation.BoundParameters.TryGetValue("Force", out var f) && f is SwitchParameter { IsPresent: true };

    private Core.Configuration.VlassSettings? _settings;

    /// <summary>
    /// Reads a setting through the module's one resolver (parameter &gt; environment &gt; configuration file &gt;
    /// default); an invalid value in the file or the environment stops the command, naming where it is.
    /// </summary>
    protected T Setting<T>(Func<Core.Configuration.VlassSettings, T> read)
    {
        string path = Core.Configuration.VlassConfiguration.DefaultPath();
        try
        {
            _settings ??= new Core.Configuration.VlassSettings(Yaml.ConfigurationStore.Load(path));
            return read(_settings);
        }
        catch (InvalidDataException ex)
        {
            ThrowInvocationError(ex, "ConfigurationInvalid", ErrorCategory.InvalidData, path);
            throw;
        }
    }

    /// <summary>The data folder (-CacheDirectory everywhere means this folder).</summary>
    protected string DataDirectorySetting(string? cacheDirectoryParameter)
        => Setting(s => s.DataDirectory(cacheDirectoryParameter is null ? null : ResolvePath(cacheDirectoryParameter)));

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }
}
