namespace MyPayGa.ReferenceChecker.Tests;

/// <summary>Runs the checker over our own reference DLLs, against themselves.</summary>
[TestFixture]
public sealed class OwnReferenceTests
{
    [Test]
    public void OwnReferenceAgainstItselfHasNoDifferences()
    {
        var folder = Path.Combine(Path.GetTempPath(), "refchecker-own-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var assembly in new[]
                     {
                         typeof(Nop.Core.BaseEntity).Assembly,
                         typeof(Nop.Services.Payments.IPaymentMethod).Assembly,
                         typeof(Nop.Web.Framework.Controllers.BasePaymentController).Assembly,
                         typeof(Nop.Web.Areas.Admin.Models.Common.SystemWarningCreatedEvent).Assembly,
                     })
            {
                File.Copy(assembly.Location, Path.Combine(folder, Path.GetFileName(assembly.Location)));
            }

            var differences = ReferenceComparer.Compare(folder, folder);

            Assert.That(differences, Is.Empty);
            Assert.That(Directory.GetFiles(folder, "*.dll").Select(Path.GetFileName),
                Is.EquivalentTo(new[] { "Nop.Core.dll", "Nop.Services.dll", "Nop.Web.Framework.dll", "Nop.Web.dll" }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void ReferenceAssembliesHaveNopCommerceNamesAndVersion()
    {
        foreach (var assembly in new[]
                 {
                     typeof(Nop.Core.BaseEntity).Assembly,
                     typeof(Nop.Services.Payments.IPaymentMethod).Assembly,
                     typeof(Nop.Web.Framework.Controllers.BasePaymentController).Assembly,
                     typeof(Nop.Web.Areas.Admin.Models.Common.SystemWarningCreatedEvent).Assembly,
                 })
        {
            Assert.That(assembly.GetName().Version, Is.EqualTo(new Version(4, 90, 0, 0)), assembly.FullName);
            Assert.That(assembly.GetName().GetPublicKeyToken(), Is.Empty, "nopCommerce assemblies are not strong-named");
        }
    }
}
