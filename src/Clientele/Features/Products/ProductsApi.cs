using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Products;

public sealed class ProductInput
{
    public string? Name { get; set; }
    public string? Sku { get; set; }
    public long? CategoryId { get; set; }
    public decimal? ListPrice { get; set; }
    public decimal? UnitCost { get; set; }
    public bool IsActive { get; set; } = true;
}

public sealed record ProductResponse(long Id, string Name, string? Sku, long? CategoryId, string? CategoryName, decimal? ListPrice, decimal? UnitCost, bool IsActive, long Version);

public sealed record CategoryResponse(long Id, string Name);

public sealed record CategoryInput(string? Name);

public static class ProductsApi
{
    public static readonly EntitySpec<Product, ProductInput, ProductResponse> Spec = new()
    {
        Name = "Product",
        Query = db => db.Products.Include(p => p.Category),
        ToInput = p => new ProductInput { Name = p.Name, Sku = p.Sku, CategoryId = p.CategoryId, ListPrice = p.ListPrice, UnitCost = p.UnitCost, IsActive = p.IsActive },
        ToResponse = p => new ProductResponse(p.Id, p.Name, p.Sku, p.CategoryId, p.Category?.Name, p.ListPrice, p.UnitCost, p.IsActive, p.Version),
        Check = CheckAsync,
        Create = input => Apply(new Product { Name = input.Name! }, input),
        Apply = (p, input) => Apply(p, input),
    };

    public static RouteGroupBuilder MapProducts(this RouteGroupBuilder api)
    {
        api.MapEntity("/products", "Products", Spec, (query, request) =>
            EntityEndpoints.LongQuery(request, "categoryId") is { } categoryId ? query.Where(p => p.CategoryId == categoryId) : query);
        var categories = api.MapGroup("/product-categories").WithTags("Products");
        categories.MapGet("/", async (ClienteleDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.ProductCategories.AsNoTracking().OrderBy(c => c.Name).Select(c => new CategoryResponse(c.Id, c.Name)).ToListAsync(ct)))
            .WithName("ListProductCategories").WithSummary("Every product category by name.");
        categories.MapPost("/", CreateCategory).AddEndpointFilter<IdempotencyFilter>().WithSummary("Adds a product category.");
        return api;
    }

    private static async Task<Errors> CheckAsync(CheckContext<Product> ctx, ProductInput input)
    {
        var e = new Errors();
        input.Name = e.Required("name", input.Name, 200);
        input.Sku = e.Optional("sku", input.Sku, 64);
        input.ListPrice = e.Amount("listPrice", input.ListPrice);
        input.UnitCost = e.Amount("unitCost", input.UnitCost);
        if (input.CategoryId is { } categoryId && !await ctx.Db.ProductCategories.AnyAsync(c => c.Id == categoryId, ctx.Cancellation))
            e.Add("categoryId", Message.Of("there is no product category {0}.", categoryId));
        var selfId = ctx.Existing?.Id ?? 0;
        if (input.Sku is { } sku && await ctx.Db.Products.AnyAsync(p => p.Sku == sku && p.Id != selfId, ctx.Cancellation))
            e.Add("sku", Message.Of("another product has SKU '{0}'.", sku));
        return e;
    }

    private static Product Apply(Product p, ProductInput input)
    {
        p.Name = input.Name!; p.Sku = input.Sku; p.CategoryId = input.CategoryId; p.ListPrice = input.ListPrice;
        p.UnitCost = input.UnitCost; p.IsActive = input.IsActive;
        return p;
    }

    private static async Task<Results<Created<CategoryResponse>, ValidationProblem>> CreateCategory(CategoryInput input, ClienteleDb db, CancellationToken ct)
    {
        var e = new Errors();
        var name = e.Required("name", input.Name, 100);
        if (name is not null && await db.ProductCategories.AnyAsync(c => c.Name == name, ct)) e.Add("name", Message.Of("a category named '{0}' exists.", name));
        if (e.Any) return ApiConventions.Invalid(e);
        var category = new ProductCategory { Name = name! };
        db.ProductCategories.Add(category);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/product-categories/{category.Id}", new CategoryResponse(category.Id, category.Name));
    }
}
