// One sandbox, one store and one browser for the whole run, reconfigured by each test: the tests run one at a time.
[assembly: NUnit.Framework.NonParallelizable]
