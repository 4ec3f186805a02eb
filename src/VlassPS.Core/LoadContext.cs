using System.Reflection;
using System.Runtime.Loader;

namespace VlassPS.Core;

/// <summary>
/// The private AssemblyLoadContext that holds the cmdlet assembly and its third-party dependencies
/// (YamlDotNet, ...), so the module keeps working when another module already loaded other versions.
/// This assembly (VlassPS.Core) stays in the Default context: every pipeline type lives here, so objects
/// flowing between cmdlets and user code have one identity.
/// </summary>
public sealed class LoadContext : AssemblyLoadContext
{
    private static readonly object Gate = new();
    private static LoadContext? _instance;
    private static Assembly? _moduleAssembly;

    private readonly string _binDirectory;
    private readonly Assembly _coreAssembly = typeof(LoadContext).Assembly;

    private LoadContext(string binDirectory) : base("VlassPS", isCollectible: false) => _binDirectory = binDirectory;

    /// <summary>
    /// Loads VlassPS.dll from <paramref name="binDirectory"/> into the private context (once per process).
    /// The psm1 passes the folder explicitly: this assembly may have been loaded from elsewhere (a test host).
    /// </summary>
    public static Assembly Initialize(string binDirectory)
    {
        lock (Gate)
        {
            if (_moduleAssembly is not null) return _moduleAssembly;
            _instance = new LoadContext(Path.GetFullPath(binDirectory));
            _moduleAssembly = _instance.LoadFromAssemblyName(new AssemblyName("VlassPS"));
            return _moduleAssembly;
        }
    }

    /// <summary>The context that loaded the cmdlets, for diagnostics and tests.</summary>
    public static AssemblyLoadContext? Current => _instance;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The shared assembly must resolve to the Default-context copy, or types would not match.
        if (string.Equals(assemblyName.Name, _coreAssembly.GetName().Name, StringComparison.Ordinal))
            return _coreAssembly;
        string candidate = Path.Combine(_binDirectory, assemblyName.Name + ".dll");
        // Everything else we ship loads here; the framework and System.Management.Automation fall through
        // to the Default context (null).
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }

    /// <summary>
    /// Native libraries our managed dependencies ask for (e_sqlite3 for the campaign ledger) come from
    /// bin/runtimes/&lt;rid&gt;/native: a custom context gets no deps.json probing, so without this the
    /// DllImport would search only the process's own folders and fail.
    /// </summary>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = NativeLibraryPath(_binDirectory, unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    /// <summary>bin/runtimes/&lt;rid&gt;/native/&lt;lib&gt; for this OS and architecture, or null.</summary>
    public static string? NativeLibraryPath(string binDirectory, string name)
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        string arch = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string file = OperatingSystem.IsWindows() ? name + ".dll" : OperatingSystem.IsMacOS() ? "lib" + name + ".dylib" : "lib" + name + ".so";
        string candidate = Path.Combine(binDirectory, "runtimes", $"{os}-{arch}", "native", file);
        return File.Exists(candidate) ? candidate : null;
    }
}
