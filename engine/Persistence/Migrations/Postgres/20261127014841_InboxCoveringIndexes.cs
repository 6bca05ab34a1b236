using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_engine_tasks_Assignee_DueDate",
                table: "engine_tasks");

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_Assignee_DueDate",
                table: "engine_tasks",
                columns: new[] { "Assignee", "DueDate" })
                .Annotation("Npgsql:IndexInclude", new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_offered_in_due_order",
                table: "engine_tasks",
                columns: new[] { "DueDate", "CreatedAt", "Id" },
                filter: "\"Assignee\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "CandidateGroups", "CandidateUsers" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_engine_tasks_Assignee_DueDate",
                table: "engine_tasks");

            migrationBuilder.DropIndex(
                name: "IX_engine_tasks_offered_in_due_order",
                table: "engine_tasks");

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_Assignee_DueDate",
                table: "engine_tasks",
                columns: new[] { "Assignee", "DueDate" });
        }
    }
}
