namespace MyPayGa.ReferenceChecker.Tests;

[TestFixture]
public sealed class ReferenceComparerTests
{
    private const string PaymentsSource = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        namespace Nop.Services.Payments;
        public class ShoppingCartItem { public int Quantity { get; set; } }
        public enum PaymentStatus { Pending = 10, Paid = 30 }
        public interface IPaymentMethod
        {
            Task<bool> HidePaymentMethodAsync(IList<ShoppingCartItem> cart);
            Task<string> GetPaymentMethodDescriptionAsync();
            bool SupportRefund { get; }
        }
        public static class StandardPermission { public const string MANAGE_PAYMENT_METHODS = "Configuration.ManagePaymentMethods"; }
        public abstract class BaseNopResult
        {
            public IList<string> Errors { get; set; } = new List<string>();
            public virtual void AddError(string error) => Errors.Add(error);
        }
        """;

    private GeneratedAssemblies _assemblies = null!;

    [SetUp]
    public void SetUp() => _assemblies = new GeneratedAssemblies();

    [TearDown]
    public void TearDown() => _assemblies.Dispose();

    private IReadOnlyList<Difference> Compare(params string[] implementedInterfaces) =>
        ReferenceComparer.Compare(_assemblies.ReferenceDirectory, _assemblies.NopDirectory, implementedInterfaces);

    [Test]
    public void IdenticalAssembliesHaveNoDifferences()
    {
        _assemblies.Both("Nop.Services", PaymentsSource);

        Assert.That(Compare("Nop.Services.Payments.IPaymentMethod"), Is.Empty);
    }

    [Test]
    public void AnOpaqueTypeIsComparedByKindOnlyAndOtherwiseLikeAnyType()
    {
        const string real = """
            namespace FluentMigrator.Builders.Create.Table;
            public interface ICreateTableWithColumnSyntax { object WithColumn(string name); }
            public class CreateTableExpressionBuilder : ICreateTableWithColumnSyntax
            {
                public CreateTableExpressionBuilder(int expression) { }
                public object WithColumn(string name) => name;
            }
            """;
        const string opaque = """
            namespace FluentMigrator.Builders.Create.Table;
            public interface ICreateTableWithColumnSyntax { object WithColumn(string name); }
            public class CreateTableExpressionBuilder { protected CreateTableExpressionBuilder() { } }
            """;
        _assemblies.Nop("FluentMigrator", real);
        _assemblies.Reference("FluentMigrator", opaque);
        const string name = "FluentMigrator.Builders.Create.Table.CreateTableExpressionBuilder";

        var asOpaque = ReferenceComparer.Compare(_assemblies.ReferenceDirectory, _assemblies.NopDirectory, [], [name]);
        var asUsual = ReferenceComparer.Compare(_assemblies.ReferenceDirectory, _assemblies.NopDirectory, [], []);

        Assert.That(asOpaque.Where(d => d.Subject.StartsWith(name, StringComparison.Ordinal)), Is.Empty);
        Assert.That(asUsual.Where(d => d.Subject.StartsWith(name, StringComparison.Ordinal)), Is.Not.Empty);
        Assert.That(ReferenceComparer.DefaultOpaqueTypes, Does.Contain(name));
    }

    [Test]
    public void AnOpaqueTypeOfAnotherKindIsStillReported()
    {
        _assemblies.Nop("FluentMigrator", "namespace FM; public class Builder { }");
        _assemblies.Reference("FluentMigrator", "namespace FM; public interface Builder { }");

        var differences = ReferenceComparer.Compare(_assemblies.ReferenceDirectory, _assemblies.NopDirectory, [], ["FM.Builder"]);

        Assert.That(differences, Has.Some.Matches<Difference>(d => d.Subject == "FM.Builder" && d.ToString().Contains("kind")));
    }

    [Test]
    public void InterfaceParameterListInsteadOfIListIsReported()
    {
        _assemblies.Nop("Nop.Services", PaymentsSource);
        _assemblies.Reference("Nop.Services", PaymentsSource.Replace(
            "HidePaymentMethodAsync(IList<ShoppingCartItem> cart)", "HidePaymentMethodAsync(List<ShoppingCartItem> cart)"));

        var differences = Compare("Nop.Services.Payments.IPaymentMethod");

        Assert.That(differences.Select(difference => difference.ToString()), Does.Contain(
            "Nop.Services.Payments.IPaymentMethod.HidePaymentMethodAsync(List<ShoppingCartItem>): parameter 1 is " +
            "System.Collections.Generic.IList`1[Nop.Services.Payments.ShoppingCartItem] in nopCommerce, " +
            "System.Collections.Generic.List`1[Nop.Services.Payments.ShoppingCartItem] in the reference"));
        // and, the interface being implemented by the plugin, the real member is reported as missing
        Assert.That(differences, Has.Some.Matches<Difference>(difference =>
            difference.Subject == "Nop.Services.Payments.IPaymentMethod"
            && difference.Message.Contains("HidePaymentMethodAsync(IList<ShoppingCartItem>)", StringComparison.Ordinal)));
    }

    [Test]
    public void CalledMemberWithAnotherReturnTypeOrMissingIsReported()
    {
        const string nop = """
            using System.Threading.Tasks;
            namespace Nop.Services.Logging;
            public interface ILogger
            {
                Task InformationAsync(string message);
                Task ErrorAsync(string message);
            }
            """;
        _assemblies.Nop("Nop.Services", nop);
        _assemblies.Reference("Nop.Services", """
            using System.Threading.Tasks;
            namespace Nop.Services.Logging;
            public interface ILogger
            {
                Task<bool> InformationAsync(string message);
                Task WarningAsync(string message);
            }
            """);

        var differences = Compare().Select(difference => difference.ToString()).ToList();

        Assert.That(differences, Is.EquivalentTo(new[]
        {
            "Nop.Services.Logging.ILogger.InformationAsync(string): return type is System.Threading.Tasks.Task in nopCommerce, " +
            "System.Threading.Tasks.Task`1[System.Boolean] in the reference",
            "Nop.Services.Logging.ILogger.WarningAsync(string): method not found in nopCommerce",
        }));
    }

    [Test]
    public void DifferentEnumValueAndConstValueAreReported()
    {
        _assemblies.Nop("Nop.Services", PaymentsSource);
        _assemblies.Reference("Nop.Services", PaymentsSource
            .Replace("Paid = 30", "Paid = 31")
            .Replace("\"Configuration.ManagePaymentMethods\"", "\"Configuration.ManagePaymentMethod\""));

        var differences = Compare().Select(difference => difference.ToString()).ToList();

        Assert.That(differences, Is.EquivalentTo(new[]
        {
            "Nop.Services.Payments.PaymentStatus.Paid: value is 30 (Int32) in nopCommerce, 31 (Int32) in the reference",
            "Nop.Services.Payments.StandardPermission.MANAGE_PAYMENT_METHODS: value is \"Configuration.ManagePaymentMethods\" " +
            "in nopCommerce, \"Configuration.ManagePaymentMethod\" in the reference",
        }));
    }

    [Test]
    public void DifferentAssemblyVersionIsReported()
    {
        _assemblies.Nop("Nop.Services", PaymentsSource, version: "4.90.0.0");
        _assemblies.Reference("Nop.Services", PaymentsSource, version: "4.80.0.0");

        var differences = Compare();

        Assert.That(differences.Select(difference => difference.ToString()), Is.EqualTo(new[]
        {
            "assembly Nop.Services: version is 4.90.0.0 in nopCommerce, 4.80.0.0 in the reference",
        }));
    }

    [Test]
    public void MissingMemberOfAnImplementedInterfaceIsReportedButNotOfACalledOne()
    {
        const string nop = """
            using System.Threading.Tasks;
            namespace Nop.Services.Plugins;
            public interface IPlugin
            {
                Task InstallAsync();
                Task UninstallAsync();
                PluginDescriptor PluginDescriptor { get; set; }
            }
            public class PluginDescriptor { }
            """;
        _assemblies.Nop("Nop.Services", nop);
        _assemblies.Reference("Nop.Services", """
            using System.Threading.Tasks;
            namespace Nop.Services.Plugins;
            public interface IPlugin
            {
                Task InstallAsync();
                PluginDescriptor PluginDescriptor { get; }
            }
            public class PluginDescriptor { }
            """);

        var implemented = Compare("Nop.Services.Plugins.IPlugin").Select(difference => difference.ToString()).ToList();
        var called = Compare();

        Assert.That(implemented, Is.EquivalentTo(new[]
        {
            "Nop.Services.Plugins.IPlugin: nopCommerce's member Task UninstallAsync() is missing in the reference " +
            "(the plugin implements this interface, so every member must be declared)",
            "Nop.Services.Plugins.IPlugin: nopCommerce's member PluginDescriptor (setter) is missing in the reference " +
            "(the plugin implements this interface, so every member must be declared)",
        }));
        Assert.That(called, Is.Empty, "a called interface may be a subset");
    }

    [Test]
    public void DifferentParameterDefaultValueAndNameAreReported()
    {
        _assemblies.Nop("Nop.Services", """
            using System.Threading.Tasks;
            namespace Nop.Services.Localization;
            public interface ILocalizationService { Task AddOrUpdateLocaleResourceAsync(string resourceName, string resourceValue, string languageCulture = null); }
            """);
        _assemblies.Reference("Nop.Services", """
            using System.Threading.Tasks;
            namespace Nop.Services.Localization;
            public interface ILocalizationService { Task AddOrUpdateLocaleResourceAsync(string resourceName, string value, string languageCulture = ""); }
            """);

        var differences = Compare().Select(difference => difference.Message).ToList();

        Assert.That(differences, Is.EquivalentTo(new[]
        {
            "parameter 2 name is resourceValue in nopCommerce, value in the reference",
            "parameter 3 (languageCulture) default value is null in nopCommerce, \"\" in the reference",
        }));
    }

    [Test]
    public void TypeDeclaredInTheWrongAssemblyIsReported()
    {
        var nopCore = _assemblies.Nop("Nop.Core", "namespace Nop.Core; public abstract class BaseEntity { public int Id { get; set; } }");
        _assemblies.Nop("Nop.Services", "namespace Nop.Services; public abstract class BaseNopResult { }", references: nopCore);
        var referenceCore = _assemblies.Reference("Nop.Core", """
            namespace Nop.Core { public abstract class BaseEntity { public int Id { get; set; } } }
            namespace Nop.Services { public abstract class BaseNopResult { } }
            """);
        _assemblies.Reference("Nop.Services", "namespace Nop.Services; public class Unrelated { }", references: referenceCore);

        var differences = Compare().Select(difference => difference.ToString()).ToList();

        Assert.That(differences, Does.Contain("Nop.Services.BaseNopResult: type is in Nop.Services in nopCommerce, not in Nop.Core"));
        Assert.That(differences, Does.Contain("Nop.Services.Unrelated: type not found in nopCommerce (Nop.Services)"));
    }

    [Test]
    public void OverridabilityAndPropertyAccessorsAreCompared()
    {
        _assemblies.Nop("Nop.Services", """
            using System.Threading.Tasks;
            namespace Nop.Services.Plugins;
            public abstract class BasePlugin
            {
                public virtual Task InstallAsync() => Task.CompletedTask;
                public virtual string SystemName { get; set; }
                public abstract Task UninstallAsync();
            }
            """);
        _assemblies.Reference("Nop.Services", """
            using System.Threading.Tasks;
            namespace Nop.Services.Plugins;
            public abstract class BasePlugin
            {
                public Task InstallAsync() => Task.CompletedTask;
                public virtual string SystemName { get; init; }
            }
            """);

        var differences = Compare().Select(difference => difference.ToString()).ToList();

        Assert.That(differences, Is.EquivalentTo(new[]
        {
            "Nop.Services.Plugins.BasePlugin.InstallAsync(): modifiers is virtual in nopCommerce, non-virtual in the reference",
            "Nop.Services.Plugins.BasePlugin.SystemName: setter kind is set in nopCommerce, init in the reference",
            "Nop.Services.Plugins.BasePlugin: nopCommerce's member Task UninstallAsync() is missing in the reference " +
            "(a class deriving from it must implement it)",
        }));
    }

    [Test]
    public void TypeThatCannotBeResolvedIsReportedNotThrown()
    {
        // nopCommerce's type derives from a class in an assembly that is not in the nopCommerce folder
        var elsewhere = Path.Combine(_assemblies.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var missing = GeneratedAssemblies.Emit(elsewhere, "Some.Missing.Dependency", "namespace Some; public class Base { }", "1.0.0.0");
        _assemblies.Nop("Nop.Core", "namespace Nop.Core; public class Thing : Some.Base { }", references: missing);
        _assemblies.Reference("Nop.Core", "namespace Nop.Core; public class Thing { }");

        var differences = Compare();

        Assert.That(differences, Has.Count.EqualTo(1));
        Assert.That(differences[0].Subject, Is.EqualTo("Nop.Core.Thing"));
        Assert.That(differences[0].Message, Does.StartWith("cannot be compared, a type does not resolve:").And.Contain("Some.Missing.Dependency"));
    }

    [Test]
    public void ListedInterfaceTheReferenceDoesNotDeclareIsReportedOnlyForAssembliesBeingChecked()
    {
        _assemblies.Both("Nop.Services", PaymentsSource);

        var differences = Compare("Nop.Services.Payments.IPaymentMethd", "Nop.Web.Framework.Mvc.Routing.IRouteProvider");

        Assert.That(differences.Select(difference => difference.ToString()), Is.EqualTo(new[]
        {
            "Nop.Services.Payments.IPaymentMethd: is listed as implemented by the plugin but the reference does not declare it (expected in Nop.Services)",
        }));
    }

    [Test]
    public void AssemblyMissingFromTheNopFolderIsALoadingError()
    {
        _assemblies.Reference("Nop.Services", PaymentsSource);

        Assert.That(() => Compare(), Throws.TypeOf<ReferenceCheckException>().With.Message.Contains("Nop.Services.dll"));
    }

    [Test]
    public void DefaultImplementedInterfacesComeFromTheReferenceFolder()
    {
        Assert.That(ReferenceComparer.DefaultImplementedInterfaces, Is.SupersetOf(new[]
        {
            "Nop.Services.Payments.IPaymentMethod", "Nop.Services.Plugins.IPlugin", "Nop.Core.Infrastructure.INopStartup",
            "Nop.Web.Framework.Mvc.Routing.IRouteProvider", "Nop.Core.Configuration.ISettings", "Nop.Services.ScheduleTasks.IScheduleTask",
        }));
    }
}
