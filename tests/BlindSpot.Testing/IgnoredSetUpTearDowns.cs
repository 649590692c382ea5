using System.Reflection;
using NUnit.Framework;

namespace BlindSpot.Testing;

/// <summary>
/// Runs the tear-downs of every <c>[Category("Integration")]</c> fixture of an assembly on a fresh instance, as NUnit
/// does after <c>Assert.Ignore</c> in set-up (no PostgreSQL, no Chromium): each must cope with the fields set-up never
/// assigned, or a missing service turns into a NullReferenceException failure instead of a skip.
/// </summary>
public static class IgnoredSetUpTearDowns
{
    /// <summary>The fixtures whose tear-downs ran, and "Fixture.Method: exception" for each tear-down that threw.</summary>
    public static async Task<(IReadOnlyList<string> Fixtures, IReadOnlyList<string> Failures)> RunAsync(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var fixtures = new List<string>();
        var failures = new List<string>();
        foreach (var type in assembly.GetTypes().Where(IsIntegrationFixture))
        {
            var instance = Activator.CreateInstance(type)!;
            fixtures.Add(type.Name);
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(IsTearDown))
            {
                try
                {
                    if (method.Invoke(instance, null) is Task task)
                    {
                        await task;
                    }
                }
                catch (Exception ex) when (ex is TargetInvocationException or NullReferenceException or InvalidOperationException or IOException)
                {
                    var cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
                    failures.Add($"{type.Name}.{method.Name}: {cause.GetType().Name}: {cause.Message}");
                }
            }
        }

        return (fixtures, failures);
    }

    private static bool IsIntegrationFixture(Type type) =>
        type is { IsClass: true, IsAbstract: false } &&
        type.GetConstructor(Type.EmptyTypes) is not null &&
        type.GetCustomAttributes<CategoryAttribute>().Any(c => c.Name == "Integration") &&
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(IsTearDown);

    private static bool IsTearDown(MethodInfo method) =>
        method.GetParameters().Length == 0 &&
        (method.IsDefined(typeof(TearDownAttribute)) || method.IsDefined(typeof(OneTimeTearDownAttribute)));
}
