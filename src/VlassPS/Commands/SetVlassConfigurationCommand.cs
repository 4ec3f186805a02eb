using System.Management.Automation;
using VlassPS.Core.Configuration;
using VlassPS.Core.IO;
using VlassPS.Yaml;

namespace VlassPS.Commands;

/// <summary>
/// Changes module-wide defaults; only the settings given are changed. The file is read, changed and written
/// under a lock (concurrent commands lose no setting) by the module's one write rule.
/// </summary>
[Cmdlet(VerbsCommon.Set, "VlassConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(VlassConfiguration))]
public sealed class SetVlassConfigurationCommand : VlassCmdlet
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    [Parameter] public string? CasaPath { get; set; }
    [Parameter] public string? CacheDirectory { get; set; }
    [Parameter] public Uri? ArchiveBaseUri { get; set; }
    [Parameter] [ValidateSet("Slurm", "Pbs", "Local")] public string? Scheduler { get; set; }
    [Parameter] public string? Partition { get; set; }
    [Parameter] public string? Account { get; set; }

    /// <summary>Settings to remove from the file (their defaults apply again).</summary>
    [Parameter]
    [ValidateSet("CasaPath", "CacheDirectory", "ArchiveBaseUri", "Scheduler", "Partition", "Account")]
    public string[]? Clear { get; set; }

    /// <summary>Configuration file; default $VLASSPS_CONFIG or the per-user config folder.</summary>
    [Parameter] public string? Path { get; set; }

    [Parameter] public SwitchParameter PassThru { get; set; }

    private static bool IsWellFormedText(string s)
        => !s.Contains('\0') && TryStrict(s);

    private static bool TryStrict(string s)
    {
        try { _ = new System.Text.UTF8Encoding(false, true).GetByteCount(s); return true; }
        catch (System.Text.EncoderFallbackException) { return false; }
    }

    protected override void EndProcessing()
    {
        string path = Path is null ? VlassConfiguration.DefaultPath() : ResolvePath(Path);
        var bound = MyInvocation.BoundParameters;
        // An empty path is a mistake, not "the current folder" (-Clear removes a setting).
        foreach (var name in new[] { nameof(CasaPath), nameof(CacheDirectory) })
            if (bound.TryGetValue(name, out var v) && string.IsNullOrWhiteSpace(v as string))
                ThrowInvocationError(new ArgumentException($"-{name} is empty; give a path, or use -Clear {name} to remove the setting."),
                    "ConfigurationValueInvalid", ErrorCategory.InvalidArgument, name);
        if (ArchiveBaseUri is not null && VlassConfiguration.Check(nameof(ArchiveBaseUri), ArchiveBaseUri.OriginalString) is { } problem)
            ThrowInvocationError(new ArgumentException($"-ArchiveBaseUri: {problem}"), "ConfigurationValueInvalid", ErrorCategory.InvalidArgument, ArchiveBaseUri);
        if (ArchiveBaseUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            ThrowInvocationError(new ArgumentException($"-ArchiveBaseUri '{uri.OriginalString}' must be an absolute http(s) URL."), Core.Errors.VlassErrors.ConfigurationValueInvalid, uri.OriginalString);
        foreach (var (name, value) in new[] { (nameof(CasaPath), CasaPath), (nameof(CacheDirectory), CacheDirectory), (nameof(Partition), Partition), (nameof(Account), Account) })
            if (value is not null && !IsWellFormedText(value))
                ThrowInvocationError(new ArgumentException($"-{name} holds a lone surrogate or a NUL character; it is not text a configuration file can hold."), Core.Errors.VlassErrors.ConfigurationValueInvalid, value);
        if (!ShouldProcess(path, "Write VlassPS configuration")) return;

        VlassConfiguration config;
        try
        {
            using var _ = FileLock.Acquire(path, LockTimeout, CancellationToken);
            try { config = ConfigurationStore.Load(path); }
            catch (InvalidDataException ex)
            {
                ThrowInvocationError(ex, "ConfigurationUnreadable", ErrorCategory.ReadError, path);
                return;
            }
            if (bound.ContainsKey(nameof(CasaPath))) config.CasaPath = ResolvePath(CasaPath!);
            if (bound.ContainsKey(nameof(CacheDirectory))) config.CacheDirectory = ResolvePath(CacheDirectory!);
            if (bound.ContainsKey(nameof(ArchiveBaseUri))) config.ArchiveBaseUri = ArchiveBaseUri?.AbsoluteUri;
            if (bound.ContainsKey(nameof(Scheduler))) config.Scheduler = Scheduler;
            if (bound.ContainsKey(nameof(Partition))) config.Partition = Partition;
            if (bound.ContainsKey(nameof(Account))) config.Account = Account;
            foreach (var name in Clear ?? [])
                typeof(VlassConfiguration).GetProperty(name)!.SetValue(config, null);
            // The user asked for this change: replacing the file is the point (Updated), no -Force needed.
            var status = OutputFile.Write(path, s => s.Write(new System.Text.UTF8Encoding(false).GetBytes(ConfigurationStore.Serialize(config))), force: true);
            ReportWrite(path, status);
            config.Path = path;
        }
        catch (OutputPathException ex)
        {
            ThrowInvocationError(ex, "OutputPathRefused", ErrorCategory.InvalidArgument, path);
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowInvocationError(ex, "ConfigurationWriteFailed", ErrorCategory.WriteError, path);
            return;
        }
        if (PassThru) WriteObject(config);
    }
}
