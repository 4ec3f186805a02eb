@{
    RootModule           = 'VlassPS.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '6d0c3f5e-2b8a-4f51-9a53-0d7f1c2e9b41'
    Author               = 'VlassPS developers'
    CompanyName          = 'VlassPS'
    Copyright            = '(c) VlassPS developers. MIT licence.'
    Description          = 'User-defined VLASS imaging (VLASS Memo 20) as typed, composable cmdlets: image sizes, tiles, epochs, measurement sets, field selection, pipeline inputs and checks.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @(
        'VlassPS.Format.ps1xml'
        'VlassPS.Casa.Format.ps1xml'
        'VlassPS.Catalog.Format.ps1xml'
        'VlassPS.Fits.Format.ps1xml'
        'VlassPS.Seip.Format.ps1xml'
        'VlassPS.Jobs.Format.ps1xml'
    )
    CmdletsToExport      = @(
        'Compare-VlassImage'
        'ConvertTo-VlassPosition'
        'Find-VlassExecutionBlock'
        'Get-VlassConfiguration'
        'Get-VlassImage'
        'Get-VlassImageGeometry'
        'Get-VlassImagingJob'
        'Get-VlassMeasurementSet'
        'Get-VlassObservation'
        'Get-VlassOffset'
        'Get-VlassTile'
        'Import-SeipParameterList'
        'Import-VlassTarget'
        'Measure-VlassFlux'
        'New-SeipParameterList'
        'New-VlassImagingWorkspace'
        'New-VlassSplitScript'
        'Select-VlassField'
        'Set-VlassConfiguration'
        'Stop-VlassImagingJob'
        'Submit-VlassImaging'
        'Submit-VlassSplit'
        'Update-VlassSurveyCatalog'
        'Wait-VlassImagingJob'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('VLASS', 'radio', 'astronomy', 'CASA', 'VLA', 'PSEdition_Core', 'Linux', 'MacOS', 'Windows')
            # No ProjectUri/LicenseUri: the project has no public home yet (the licence is LICENSE, MIT, in the package).
        }
    }
}
