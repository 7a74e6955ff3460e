using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoraStudio.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddTakeNumberPerProjectAndProgressTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Takes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ProgressAt",
                table: "Takes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastTakeNumber",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing takes are numbered per project in the order they were created (ties by id), and each project's
            // counter continues from its last number; before the unique index, which the zeros would break.
            migrationBuilder.Sql(
                "UPDATE Takes SET Number = ranked.Number " +
                "FROM (SELECT Id, ROW_NUMBER() OVER (PARTITION BY ProjectId ORDER BY CreatedAt, Id) AS Number FROM Takes) AS ranked " +
                "WHERE ranked.Id = Takes.Id;");
            migrationBuilder.Sql(
                "UPDATE Projects SET LastTakeNumber = (SELECT COALESCE(MAX(Takes.Number), 0) FROM Takes WHERE Takes.ProjectId = Projects.Id);");

            migrationBuilder.CreateIndex(
                name: "IX_Takes_ProjectId_Number",
                table: "Takes",
                columns: new[] { "ProjectId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Takes_ProjectId_Number",
                table: "Takes");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Takes");

            migrationBuilder.DropColumn(
                name: "ProgressAt",
                table: "Takes");

            migrationBuilder.DropColumn(
                name: "LastTakeNumber",
                table: "Projects");
        }
    }
}
