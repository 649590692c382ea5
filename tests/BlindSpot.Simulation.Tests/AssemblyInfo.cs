// Fixtures only read the shared generated data (or make their own folders), so they can run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
