namespace MyPayGa.Client;

/// <summary>Which MyPayGa environment a set of keys belongs to.</summary>
public enum MyPayGaEnvironment
{
    Test = 0,
    Production = 1,
}
