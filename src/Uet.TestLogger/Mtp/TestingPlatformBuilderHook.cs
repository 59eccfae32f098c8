using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;
using Uet.Core.Seams;

namespace Uet.TestLogger.Mtp;

/// <summary>
/// Where a Microsoft.Testing.Platform test application meets Uet: the package's build files name this type as a
/// builder hook, and the platform's generated entry point calls it. The options are always known (so that
/// <c>--report-uet</c> never makes an application exit with "unknown option"); the reporter and the controller
/// turn themselves on with <c>--report-uet</c> or <c>UET_REPORT=1</c>. This is where their seams are chosen.
/// </summary>
public static class TestingPlatformBuilderHook
{
    public static void AddExtensions(ITestApplicationBuilder testApplicationBuilder, string[] _)
    {
        ArgumentNullException.ThrowIfNull(testApplicationBuilder);
        var environment = EnvironmentReader.Process;
        var clock = TimeProvider.System;
        testApplicationBuilder.CommandLine.AddProvider(() => new ReportOptions());
        var reporter = new CompositeExtensionFactory<UetReporter>(services => new UetReporter(
            services,
            environment,
            clock
        ));
        testApplicationBuilder.TestHost.AddDataConsumer(reporter);
        testApplicationBuilder.TestHost.AddTestSessionLifetimeHandle(reporter);
        var controller = new CompositeExtensionFactory<HostController>(services => new HostController(
            services,
            environment,
            clock
        ));
        testApplicationBuilder.TestHostControllers.AddEnvironmentVariableProvider(controller);
        testApplicationBuilder.TestHostControllers.AddProcessLifetimeHandler(controller);
    }
}
