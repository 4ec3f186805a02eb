Set-StrictMode -Version Latest

Describe 'Get-VlassConfiguration and Set-VlassConfiguration' {
    BeforeAll { . "$PSScriptRoot/../Common.ps1" }
    BeforeEach { $configFile = [System.IO.Path]::Combine($TestDrive, [guid]::NewGuid().ToString('N'), 'config.yaml') }

    It 'returns an empty configuration when the file does not exist' {
        $c = Get-VlassConfiguration -Path $configFile
        $c.CasaPath | Should -BeNullOrEmpty
        $c.Path | Should -Be $configFile
    }
    It 'writes YAML and reads it back, changing only the settings given' {
        Set-VlassConfiguration -Path $configFile -CasaPath '/opt/casa pipeline' -Scheduler Slurm
        Set-VlassConfiguration -Path $configFile -Partition 'batch'
        $c = Get-VlassConfiguration -Path $configFile
        $c.CasaPath | Should -Be '/opt/casa pipeline'
        $c.Scheduler | Should -Be 'Slurm'
        $c.Partition | Should -Be 'batch'
        [System.IO.File]::ReadAllText($configFile) | Should -Match 'casaPath: /opt/casa pipeline'
    }
    It 'writes nothing with -WhatIf' {
        Set-VlassConfiguration -Path $configFile -Account 'x' -WhatIf
        [System.IO.File]::Exists($configFile) | Should -BeFalse
    }
    It 'reports a broken file with its line' {
        $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($configFile))
        [System.IO.File]::WriteAllText($configFile, "casaPath: [unclosed`n")
        { Get-VlassConfiguration -Path $configFile } | Should -Throw -ErrorId 'ConfigurationUnreadable,*'
    }
}
