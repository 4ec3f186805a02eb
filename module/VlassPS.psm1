# VlassPS loader. VlassPS.Core (every pipeline type) loads into the Default AssemblyLoadContext; the cmdlet
# assembly and its third-party dependencies load into the private "VlassPS" context, so another module's
# YamlDotNet (or any other shared dependency) cannot collide with ours.
$binDir = [System.IO.Path]::Combine($PSScriptRoot, 'bin', 'net8.0')

if (-not ('VlassPS.Core.LoadContext' -as [type])) {
    $null = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($binDir, 'VlassPS.Core.dll'))
}

# The folder is passed explicitly: a host may have loaded VlassPS.Core from somewhere else.
$moduleAssembly = [VlassPS.Core.LoadContext]::Initialize($binDir)
$innerModule = Import-Module -Assembly $moduleAssembly -PassThru -ErrorAction Stop

# Import-Module -Force re-imports this psm1 but not the already-loaded assembly's cmdlets
# (PowerShell#20710): re-export them explicitly.
if ($innerModule) {
    $addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod(
        'AddExportedCmdlet', [System.Reflection.BindingFlags]'Instance, NonPublic')
    foreach ($cmd in $innerModule.ExportedCmdlets.Values) {
        $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmd))
    }
}
