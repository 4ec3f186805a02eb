using System.Management.Automation;
using VlassPS.Core.Configuration;
using VlassPS.Yaml;

namespace VlassPS.Commands;

/// <summary>Changes module-wide defaults; only the settings given are changed. Writes atomically.</summary>
[Cmdlet(VerbsCommon.Set, "VlassConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(VlassConfiguration))]
public sealed class SetVlassConfigurationCommand : VlassCmdlet
{
    [Parameter] public string? CasaPath { get; set; }
    [Parameter] public string? CacheDirectory { get; set; }
    [Parameter] public Uri? ArchiveBaseUri { get; set; }
    [Parameter] [ValidateSet("Slurm", "Pbs", "Local")] public string? Scheduler { get; set; }
    [Parameter] public string? Partition { get; set; }
    [Parameter] public string? Account { get; set; }

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
        VlassConfiguration config;
        try { config = ConfigurationStore.Load(path); }
        catch (InvalidDataException ex)
        {
            ThrowInvocationError(ex, "ConfigurationUnreadable", ErrorCategory.ReadError, path);
            return;
        }
        var bound = MyInvocation.BoundParameters;
        // Refused before anything is read or written: values the file cannot hold or no reader could use.
        if (ArchiveBaseUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            ThrowInvocationError(new ArgumentException($"-ArchiveBaseUri '{uri.OriginalString}' must be an absolute http(s) URL."), Core.Errors.VlassErrors.ConfigurationInvalid, uri.OriginalString);
        foreach (var (name, value) in new[] { (nameof(CasaPath), CasaPath), (nameof(CacheDirectory), CacheDirectory), (nameof(Partition), Partition), (nameof(Account), Account) })
            if (value is not null && !IsWellFormedText(value))
                ThrowInvocationError(new ArgumentException($"-{name} holds a lone surrogate or a NUL character; it is not text a configuration file can hold."), Core.Errors.VlassErrors.ConfigurationInvalid, value);
        if (bound.ContainsKey(nameof(CasaPath))) config.CasaPath = CasaPath is null ? null : ResolvePath(CasaPath);
        if (bound.ContainsKey(nameof(CacheDirectory))) config.CacheDirectory = CacheDirectory is null ? null : ResolvePath(CacheDirectory);
        if (bound.ContainsKey(nameof(ArchiveBaseUri))) config.ArchiveBaseUri = ArchiveBaseUri?.AbsoluteUri;
        if (bound.ContainsKey(nameof(Scheduler))) config.Scheduler = Scheduler;
        if (bound.ContainsKey(nameof(Partition))) config.Partition = Partition;
        if (bound.ContainsKey(nameof(Account))) config.Account = Account;
        if (ShouldProcess(path, "Write VlassPS configuration"))
        {
            try { ConfigurationStore.Save(config, path); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                ThrowInvocationError(ex, "ConfigurationWriteFailed", ErrorCategory.WriteError, path);
            }
        }
        if (PassThru) WriteObject(config);
    }
}
