<#
.SYNOPSIS
    Runs one BlindSpot quarter end to end on a data root: every pipeline stage that exists, in order.

.DESCRIPTION
    With no parameters it runs the latest quarter of the bundled sample data. The sample is first copied to
    ./data/sample (git-ignored), so the committed sample-data/ is never modified. Builds the CLI if needed,
    runs the stages, prints where the outputs are, and exits non-zero when a stage fails.

.PARAMETER Quarter
    The quarter to run, e.g. 2026Q3. Default: the latest quarter delivered under <DataRoot>/raw.

.PARAMETER DataRoot
    The data root to run on. Default: ./data/sample, a working copy of ./sample-data.

.EXAMPLE
    dotnet pwsh -File run-quarter.ps1
    dotnet pwsh -File run-quarter.ps1 -Quarter 2026Q2 -DataRoot /srv/blindspot
#>
[CmdletBinding()]
param(
    [string] $Quarter,
    [string] $DataRoot
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$repo = $PSScriptRoot

if (-not $DataRoot) {
    $DataRoot = Join-Path $repo 'data/sample'
    if (-not (Test-Path $DataRoot)) {
        Write-Host "Copying the bundled sample-data to $DataRoot (the committed sample stays untouched)"
        New-Item -ItemType Directory -Force -Path (Split-Path $DataRoot) | Out-Null
        Copy-Item -Recurse (Join-Path $repo 'sample-data') $DataRoot
    }
}
$DataRoot = (Resolve-Path $DataRoot).Path

if (-not $Quarter) {
    $raw = Join-Path $DataRoot 'raw'
    if (-not (Test-Path $raw)) { throw "No raw deliveries under $raw: give -DataRoot a data root made by 'blindspot generate'." }
    $Quarter = Get-ChildItem -Directory $raw | Where-Object Name -Match '^\d{4}Q[1-4]$' | Sort-Object Name | Select-Object -Last 1 -ExpandProperty Name
    if (-not $Quarter) { throw "No quarter folders (YYYYQn) under $raw." }
}

# MSBuild's incremental build makes this a no-op when nothing changed.
dotnet build (Join-Path $repo 'Cli/BlindSpot.Cli.csproj') -c Release -nologo -v quiet | Out-Host
if ($LASTEXITCODE -ne 0) { Write-Error "Build failed."; exit 1 }
$cli = Join-Path $repo 'Cli/bin/Release/net10.0/blindspot.dll'

function Invoke-Stage([string] $name, [string[]] $arguments) {
    Write-Host "== $name $Quarter"
    $started = [Diagnostics.Stopwatch]::StartNew()
    & dotnet $cli @arguments | Out-Host
    if ($LASTEXITCODE -ne 0) {
        Write-Host "!! $name failed for $Quarter (exit $LASTEXITCODE): see the error above."
        exit $LASTEXITCODE
    }
    Write-Host ("   {0} done in {1:N1} s" -f $name, $started.Elapsed.TotalSeconds)
}

Write-Host "BlindSpot quarter $Quarter on $DataRoot"
Invoke-Stage 'catalog' @('catalog', 'check')
Invoke-Stage 'ingest' @('ingest', $Quarter, '--data', $DataRoot)

Write-Host ""
Write-Host "Quarter $Quarter finished."
Write-Host "  lake:        $(Join-Path $DataRoot "lake/$Quarter")"
Write-Host "  quarantine:  $(Join-Path $DataRoot "quarantine/$Quarter") (ingest-report.json reconciles every row)"
Write-Host "  run manifest: $(Join-Path $DataRoot "runs/$Quarter/manifest.json")"
exit 0
