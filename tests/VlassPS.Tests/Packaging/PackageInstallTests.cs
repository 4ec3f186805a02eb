namespace VlassPS.Tests.Packaging;

/// <summary>
/// The install story: the built module packed as a .nupkg (tools/New-VlassPSPackage.ps1, as build.ps1 -Package),
/// a local folder registered as a PSResourceGet repository, Install-PSResource -Scope CurrentUser, then a cmdlet
/// by autoload in a NEW pwsh. HOME and XDG_DATA_HOME point into a temporary folder, so the repository list and
/// the CurrentUser module folder are the temporary ones, never the real user's.
/// </summary>
public class PackageInstallTests
{
    [Fact]
    public void The_nupkg_installs_from_a_local_repository_and_a_cmdlet_autoloads()
    {
        string root = Path.Combine(Path.GetTempPath(), "vlassps-install-" + Guid.NewGuid().ToString("N")[..12]);
        string home = Path.Combine(root, "home"), feed = Path.Combine(root, "feed");
        Directory.CreateDirectory(feed);
        // The folders must exist: .NET resolves a missing LocalApplicationData to "" (PSResourceGet would then
        // keep its repository list in the working directory).
        Directory.CreateDirectory(Path.Combine(home, ".local", "share"));
        Directory.CreateDirectory(Path.Combine(home, ".config"));
        var env = new Dictionary<string, string> { ["HOME"] = home, ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share"), ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config") };
        try
        {
            string q(string s) => "'" + s.Replace("'", "''") + "'";
            var pack = RealPwsh.Command(
                $"$ErrorActionPreference = 'Stop'; & ./tools/New-VlassPSPackage.ps1 -ModuleDirectory {q(TestPaths.ModuleDirectory)} -DestinationPath {q(feed)}", env);
            Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);
            string version = Path.GetFileName(TestPaths.ModuleDirectory);
            Assert.True(File.Exists(Path.Combine(feed, $"VlassPS.{version}.nupkg")), pack.Stdout + pack.Stderr);

            var install = RealPwsh.Command(
                "$ErrorActionPreference = 'Stop'; " +
                $"Register-PSResourceRepository -Name VlassPSLocal -Uri {q(feed)} -Trusted; " +
                "Install-PSResource -Name VlassPS -Repository VlassPSLocal -Scope CurrentUser -TrustRepository -Quiet; " +
                "(Get-InstalledPSResource -Name VlassPS -Scope CurrentUser).InstalledLocation", env);
            Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);
            Assert.StartsWith(home, install.Stdout.Trim());
            Assert.True(File.Exists(Path.Combine(home, ".local", "share", "PSResourceGet", "PSResourceRepository.xml")), "the repository list lives in the temporary HOME");

            // A new pwsh, no Import-Module: the cmdlet autoloads VlassPS from the CurrentUser module folder.
            var use = RealPwsh.Command(
                "$ErrorActionPreference = 'Stop'; $t = Get-VlassTile -Ra 121.98974 -Dec 4.54293; " +
                "\"$($t.Name)|$((Get-Module VlassPS).Version)|$((Get-Module VlassPS).ModuleBase)\"", env);
            Assert.True(use.ExitCode == 0, use.Stdout + use.Stderr);
            var parts = use.Stdout.Trim().Split('|');
            Assert.Equal("T12t13", parts[0]);
            Assert.Equal(version, parts[1]);
            Assert.StartsWith(Path.Combine(home, ".local", "share", "powershell", "Modules", "VlassPS"), parts[2]);
            Assert.True(File.Exists(Path.Combine(parts[2], "LICENSE")), "the package carries the MIT LICENSE");
        }
        finally { Directory.Delete(root, true); }
    }
}
