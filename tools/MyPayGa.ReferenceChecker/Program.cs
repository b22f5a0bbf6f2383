namespace MyPayGa.ReferenceChecker;

/// <summary>
/// Command line: --reference &lt;folder of the built reference DLLs&gt; --nop &lt;folder of real nopCommerce DLLs&gt;
/// [--implemented &lt;implemented-interfaces.txt&gt;]. Exit code 0: no differences, 1: differences, 2: usage or loading error.
/// </summary>
public static class Program
{
    public const int NoDifferences = 0;
    public const int DifferencesFound = 1;
    public const int UsageOrLoadingError = 2;

    private const string Usage =
        "usage: MyPayGa.ReferenceChecker --reference <folder with the built reference DLLs> " +
        "--nop <folder with real nopCommerce 4.90 DLLs, e.g. Nop.Web's bin> [--implemented <implemented-interfaces.txt>]";

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? reference = null, nop = null, implemented = null;
        for (var index = 0; index < args.Length; index++)
        {
            var option = args[index];
            if (option is "-h" or "--help")
            {
                output.WriteLine(Usage);
                return NoDifferences;
            }

            if (index + 1 >= args.Length || option is not ("--reference" or "--nop" or "--implemented"))
            {
                error.WriteLine($"unexpected argument '{option}'");
                error.WriteLine(Usage);
                return UsageOrLoadingError;
            }

            var value = args[++index];
            switch (option)
            {
                case "--reference": reference = value; break;
                case "--nop": nop = value; break;
                default: implemented = value; break;
            }
        }

        if (reference is null || nop is null)
        {
            error.WriteLine(Usage);
            return UsageOrLoadingError;
        }

        IReadOnlyList<Difference> differences;
        try
        {
            var interfaces = implemented is null
                ? null
                : ReferenceComparer.ParseInterfaceList(File.ReadAllText(implemented));
            differences = ReferenceComparer.Compare(reference, nop, interfaces);
        }
        catch (Exception exception) when (exception is ReferenceCheckException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {exception.Message}");
            return UsageOrLoadingError;
        }

        foreach (var difference in differences)
            output.WriteLine(difference);
        output.WriteLine(differences.Count switch
        {
            0 => "no differences",
            1 => "1 difference",
            var count => $"{count} differences",
        });
        return differences.Count == 0 ? NoDifferences : DifferencesFound;
    }
}
