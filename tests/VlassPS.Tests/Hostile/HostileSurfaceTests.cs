using System.Diagnostics;
using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Hostile;

/// <summary>
/// Issue 13 §5–§6 at the module surface, in real pwsh (or the vlassps host) child processes: the -WhatIf line of
/// New-SeipParameterList, a lone surrogate in -OutputDirectory refused before any script is written, an RA just
/// below 360° in every output form, and a configuration file the user cannot read.
/// </summary>
public sealed class HostileSurfaceTests
{
    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

    private static ChildPwsh.Result Pwsh(string command)
        => ChildPwsh.Run(["-Command", $"$ErrorActionPreference = 'Stop'; Import-Module {Quote(TestPaths.ModuleManifest)}; {command}"], TimeSpan.FromMinutes(3));

    private static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "vlassps-surface-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    [SkippableFact]
    public void New_SeipParameterList_WhatIf_prints_the_what_if_line_and_writes_nothing()
    {
        var dir = TempDir();
        try
        {
            var list = Path.Combine(dir, "ws", "SEIP_parameter.list");
            var r = Pwsh($"New-SeipParameterList -Position (ConvertTo-VlassPosition '121.98974 4.54293') -Path {Quote(list)} -WhatIf");
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains($"What if: Performing the operation \"Write SEIP parameter list\" on target \"{list}\".", r.Stdout);
            Assert.False(File.Exists(list));
            Assert.False(Directory.Exists(Path.GetDirectoryName(list)));
        }
        finally { Directory.Delete(dir, true); }
    }

    [SkippableFact]
    public void A_lone_surrogate_in_OutputDirectory_is_refused_before_a_split_script_is_written()
    {
        var dir = TempDir();
        try
        {
            var script = Path.Combine(dir, "split.py");
            var ms = Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "casa", "vlass_split.ms");
            var r = Pwsh($$"""
                $ms = Get-VlassMeasurementSet -LiteralPath {{Quote(ms)}} -WarningAction SilentlyContinue
                $fields = $ms | Select-VlassField -Position $ms.Fields[0].PhaseDir -ScienceSize 500 -WarningAction SilentlyContinue
                if (@($fields).Count -eq 0) { throw 'no fields selected' }
                try { $fields | New-VlassSplitScript -Path {{Quote(script)}} -OutputDirectory "{{dir}}/out`u{D800}x"; 'WRITTEN' }
                catch { 'ERROR ' + $_.FullyQualifiedErrorId + ' ' + $_.CategoryInfo.Category + ' ' + ($_.TargetObject -replace '[\ud800-\udfff]', '?') }
                """);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains($"ERROR PathNotFileSystem,VlassPS.Commands.NewVlassSplitScriptCommand InvalidArgument {dir}/out?x", r.Stdout);
            Assert.DoesNotContain("WRITTEN", r.Stdout);
            Assert.False(File.Exists(script));
        }
        finally { Directory.Delete(dir, true); }
    }

    [SkippableFact]
    public void An_RA_just_below_360_degrees_carries_to_zero_in_every_output_form()
    {
        var r = Pwsh("""
            foreach ($text in '359.9999999999999 0', '359.9999999999999 -0.5', '23:59:59.99999999 +10:00:00') {
                foreach ($form in [Enum]::GetNames([VlassPS.Commands.PositionFormat])) { "$form|" + (ConvertTo-VlassPosition $text -As $form) }
                $p = ConvertTo-VlassPosition $text
                'IauName|' + $p.IauName
                'Degrees|' + $p.ToDegrees()
                'Table|' + (($p | Format-Table | Out-String -Width 200) -split "`n" | Where-Object { $_ -match '^\s*\S' } | Select-Object -Last 1)
                $ra = ConvertTo-VlassPosition $p.Casa.Substring(6)   # the printed form read back
                'RoundTrip|' + $ra.RaDeg
            }
            """);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 24, r.Stdout);
        foreach (var line in lines)
        {
            Assert.DoesNotContain("240000", line);      // JHHMMSS of 24h
            Assert.DoesNotContain("24:00:00", line);
            Assert.DoesNotContain("360", line);
            Assert.DoesNotContain(":60", line);
        }
        Assert.Contains("Degrees|0 0", lines);
        Assert.Contains("Degrees|0 -0.5", lines);
        Assert.Contains("Iau|J235959.99+000000.0", lines);    // the IAU name truncates, so it stays below 24h
        Assert.Contains("Casa|J2000 00:00:00.0000 +00.00.00.000", lines);
        Assert.All(lines.Where(l => l.StartsWith("RoundTrip|")), l => Assert.Equal("RoundTrip|0", l));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_configuration_file_the_user_cannot_read_is_a_typed_error_and_is_not_replaced()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        var runAs = File.Exists("/usr/bin/setpriv") ? new[] { "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups" }
            : File.Exists("/usr/sbin/runuser") ? new[] { "/usr/sbin/runuser", "-u", "nobody", "--" } : null;
        Skip.If(runAs is null, "neither setpriv nor runuser exists to run the host as another user than the file's owner");
        var dir = TempDir();
        try
        {
            // The host and module, copied where uid 65534 can read them (the repository may sit under /root).
            var host = Path.Combine(dir, "host");
            CopyTree(Path.GetDirectoryName(HostProcess.HostDll)!, host);
            CopyTree(Path.GetDirectoryName(TestPaths.ModuleDirectory)!, Path.Combine(host, "Modules", "VlassPS"));   // found next to the host
            var home = Path.Combine(dir, "home");
            Directory.CreateDirectory(home);
            var config = Path.Combine(dir, "config.yml");
            File.WriteAllText(config, "archive_base_uri: https://example.invalid/vlass/\n");
            File.SetUnixFileMode(config, UnixFileMode.None);
            foreach (var d in new[] { dir, host, home })
                File.SetUnixFileMode(d, (UnixFileMode)0b111_111_111);
            foreach (var f in Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories).Where(f => f != config))
                File.SetUnixFileMode(f, Directory.Exists(f) ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);

            var psi = new ProcessStartInfo(runAs![0]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = home };
            foreach (var a in runAs.Skip(1)) psi.ArgumentList.Add(a);
            foreach (var a in new[] { "/usr/bin/env", $"HOME={home}", $"VLASSPS_CONFIG={config}",
                $"DOTNET_CLI_HOME={home}", "DOTNET_NOLOGO=1", $"PATH={Environment.GetEnvironmentVariable("PATH")}",
                "dotnet", Path.Combine(host, "vlassps.dll"), "-NoProfile", "-Command",
                "try { Get-VlassConfiguration -ErrorAction Stop } catch { 'GET ' + $_.FullyQualifiedErrorId + ' ' + $_.CategoryInfo.Category + ' ' + $_.TargetObject }; " +
                "try { Set-VlassConfiguration -Partition hostile -ErrorAction Stop } catch { 'SET ' + $_.FullyQualifiedErrorId + ' ' + $_.CategoryInfo.Category }; " +
                "'WHOAMI ' + [Environment]::UserName" })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "the host did not finish");
            var stderr = err.Result;
            Assert.True(stdout.Contains("WHOAMI "), $"the host did not run as uid 65534:\n{stdout}\n{stderr}");
            Assert.DoesNotContain("WHOAMI root", stdout);
            Assert.True(stdout.Contains($"GET ConfigurationUnreadable,VlassPS.Commands.GetVlassConfigurationCommand ReadError {config}"), $"{stdout}\n{stderr}");
            Assert.Contains("SET ConfigurationUnreadable,", stdout);
            // Not replaced: still the user's file with its mode (a writer must not lose what it could not read).
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(config));
            Assert.Equal("archive_base_uri: https://example.invalid/vlass/\n", File.ReadAllText(config));
        }
        finally { Directory.Delete(dir, true); }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var d in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, d)));
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(f, Path.Combine(to, Path.GetRelativePath(from, f)));
    }
}
