namespace VlassPS.Tests.Hosting;

/// <summary>Runs the built vlassps host as a child process (dotnet vlassps.dll), as users run it.</summary>
public static class HostProcess
{
    public static string HostDll
    {
        get
        {
            // Same configuration as this test assembly (bin/Debug or bin/Release).
            string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            string dll = Path.Combine(TestPaths.RepoRoot, "src", "VlassPS.Host", "bin", configuration, "net10.0", "vlassps.dll");
            Assert.True(File.Exists(dll), $"{dll} is not built");
            return dll;
        }
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWithInput("", args);

    public static (int ExitCode, string Stdout, string Stderr) RunWithInput(string stdin, params string[] args)
        => Oracle.Run(new[] { HostDll }.Concat(args), stdin, exe: "dotnet");
}
