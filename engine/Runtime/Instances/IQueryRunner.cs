namespace Ctms.Engine.Runtime.Instances;

/// <summary>Runs a query: asynchronously against a database, at once over objects in memory.</summary>
internal interface IQueryRunner
{
    Task<List<T>> ListAsync<T>(IQueryable<T> query);

    Task<int> CountAsync<T>(IQueryable<T> query);
}
