<#
.SYNOPSIS
    Runs one BlindSpot quarter end to end with 'blindspot run-quarter': ingest → features → score → dispatch → report.

.DESCRIPTION
    With no parameters it runs the latest quarter of the bundled sample data with the repository's models/. The sample
    is first copied to ./data/sample (git-ignored), so the committed sample-data/ is never modified. Builds the CLI if
    needed, runs the quarter (a rerun skips the stages whose inputs are unchanged and resumes at the first incomplete
    one), prints the stage summary and where the worklists and the run report are, and exits non-zero on failure.

.PARAMETER Quarter
    The quarter to run, e.g. 2026Q3. Default: the latest quarter delivered under <DataRoot>/raw.

.PARAMETER DataRoot
    The data root to run on. Default: ./data/sample, a working copy of ./sample-data.

.PARAMETER Models
    The models folder with a live model per variant. Default: the repository's models/.

.PARAMETER Postgres
    Hangfire job storage in PostgreSQL (Npgsql connection string): the run is enqueued for 'blindspot worker' processes.
    Default: in-memory storage, the run happens in this process.

.PARAMETER Wait
    With -Postgres: follow the run until it ends (in-memory runs always wait).

.EXAMPLE
    dotnet pwsh -File run-quarter.ps1
    dotnet pwsh -File run-quarter.ps1 -Quarter 2026Q2 -DataRoot /srv/blindspot
    dotnet pwsh -File run-quarter.ps1 -Postgres "Host=db;Username=blindspot;Password=…;Database=blindspot" -Wait
#>
[CmdletBinding()]
param(
    [string] $Quarter,
    [string] $DataRoot,
    [string] $Models,
    [string] $Postgres,
    [switch] $Wait
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$repo = $PSScriptRoot

if (-not $Models) { $Models = Join-Path $repo 'models' }
$live = @(Get-ChildItem -Path $Models -Filter 'live.json' -Recurse -ErrorAction SilentlyContinue)
if ($live.Count -eq 0) {
    Write-Host "!! No live models under $Models."
    Write-Host "   The repository's models/ has no promoted models yet. Train and promote one per variant, e.g.:"
    Write-Host "     blindspot train --variant household --train 2025Q3..2026Q1 --valid 2026Q2 --data <root> --models <dir>"
    Write-Host "     blindspot models promote household/<version> --models <dir> --data <root>"
    Write-Host "   then run again with -Models <dir>."
    exit 1
}

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
    if (-not (Test-Path $raw)) { Write-Host "!! No raw deliveries under ${raw}: give -DataRoot a data root made by 'blindspot generate'."; exit 1 }
    $Quarter = Get-ChildItem -Directory $raw | Where-Object Name -Match '^\d{4}Q[1-4]$' | Sort-Object Name | Select-Object -Last 1 -ExpandProperty Name
    if (-not $Quarter) { Write-Host "!! No quarter folders (YYYYQn) under $raw."; exit 1 }
}

# MSBuild's incremental build makes this a no-op when nothing changed.
dotnet build (Join-Path $repo 'Cli/BlindSpot.Cli.csproj') -c Release -nologo -v quiet | Out-Host
if ($LASTEXITCODE -ne 0) { Write-Host "!! Build failed."; exit 1 }
$cli = Join-Path $repo 'Cli/bin/Release/net10.0/blindspot.dll'

$arguments = @('run-quarter', $Quarter, '--data', $DataRoot, '--models', (Resolve-Path $Models).Path)
if ($Postgres) { $arguments += @('--postgres', $Postgres) }
if ($Wait) { $arguments += '--wait' }

Write-Host "BlindSpot quarter $Quarter on $DataRoot"
& dotnet $cli @arguments | Out-Host
$status = $LASTEXITCODE
if ($status -ne 0) {
    Write-Host "!! run-quarter $Quarter failed (exit $status): see above. Run the script again after fixing it; finished stages are skipped."
    exit $status
}

if ($Postgres -and -not $Wait) {
    Write-Host "Enqueued. Follow it with: dotnet $cli runs show $Quarter --data $DataRoot"
    exit 0
}

Write-Host ""
Write-Host "Quarter $Quarter finished."
Write-Host "  worklists: $(Join-Path $DataRoot "worklists/$Quarter")"
Write-Host "  report:    $(Join-Path $DataRoot "runs/$Quarter/report.html")"
exit 0
